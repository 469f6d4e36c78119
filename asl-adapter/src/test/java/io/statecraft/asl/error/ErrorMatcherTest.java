package io.statecraft.asl.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMatcherTest {

  @Test
  void statesAllMatchesEverythingButTheTerminalErrors() {
    List<String> all = List.of("States.ALL");
    assertThat(ErrorMatcher.matches(all, "MyError")).isTrue();
    assertThat(ErrorMatcher.matches(all, "States.TaskFailed")).isTrue();
    assertThat(ErrorMatcher.matches(all, "States.Timeout")).isTrue();
    assertThat(ErrorMatcher.matches(all, "States.HeartbeatTimeout")).isTrue();
    assertThat(ErrorMatcher.matches(all, "States.QueryEvaluationError")).isTrue();
    assertThat(ErrorMatcher.matches(all, "States.ResultPathMatchFailure")).isTrue();
    assertThat(ErrorMatcher.matches(all, "States.DataLimitExceeded")).isFalse();
    assertThat(ErrorMatcher.matches(all, "States.Runtime")).isFalse();
  }

  @Test
  void taskFailedMatchesAnyErrorExceptTimeouts() {
    List<String> taskFailed = List.of("States.TaskFailed");
    assertThat(ErrorMatcher.matches(taskFailed, "Lambda.ServiceException")).isTrue();
    assertThat(ErrorMatcher.matches(taskFailed, "States.TaskFailed")).isTrue();
    assertThat(ErrorMatcher.matches(taskFailed, "States.Permissions")).isTrue();
    assertThat(ErrorMatcher.matches(taskFailed, "States.Timeout")).isFalse();
    assertThat(ErrorMatcher.matches(taskFailed, "States.HeartbeatTimeout")).isFalse();
    assertThat(ErrorMatcher.matches(taskFailed, "States.DataLimitExceeded")).isFalse();
    assertThat(ErrorMatcher.matches(taskFailed, "States.Runtime")).isFalse();
  }

  @Test
  void timeoutAlsoMatchesHeartbeatTimeoutButNotTheReverse() {
    assertThat(ErrorMatcher.matches(List.of("States.Timeout"), "States.HeartbeatTimeout")).isTrue();
    assertThat(ErrorMatcher.matches(List.of("States.HeartbeatTimeout"), "States.Timeout"))
        .isFalse();
  }

  @Test
  void namesMatchExactlyAndCaseSensitively() {
    assertThat(ErrorMatcher.matches(List.of("A", "B"), "B")).isTrue();
    assertThat(ErrorMatcher.matches(List.of("MyError"), "myerror")).isFalse();
    assertThat(ErrorMatcher.matches(List.of("State.ALL"), "MyError")).isFalse();
    assertThat(ErrorMatcher.matches(List.of(), "MyError")).isFalse();
  }

  @Test
  void dataLimitExceededIsCaughtWhenNamedButRuntimeNeverIs() {
    assertThat(
            ErrorMatcher.matches(List.of("States.DataLimitExceeded"), "States.DataLimitExceeded"))
        .isTrue();
    assertThat(ErrorMatcher.matches(List.of("States.Runtime"), "States.Runtime")).isFalse();
    assertThat(ErrorMatcher.isTerminal("States.Runtime")).isTrue();
    assertThat(ErrorMatcher.isTerminal("States.DataLimitExceeded")).isFalse();
  }

  @Test
  void anErrorWithoutANameMatchesNothing() {
    assertThat(ErrorMatcher.matches(List.of("States.ALL"), null)).isFalse();
  }
}
