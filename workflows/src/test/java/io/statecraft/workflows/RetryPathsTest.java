package io.statecraft.workflows;

import static io.statecraft.workflows.support.Definitions.activity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.TaskContext;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retry and Catch on both paths: a Temporal activity retry policy where one expresses the retriers
 * exactly, the interpreter's durable timers everywhere else. Both give the same outputs, errors,
 * attempt counts, delays and {@code $$.State.RetryCount}.
 */
class RetryPathsTest {

  /** One attempt as the task saw it. */
  record Attempt(int interpreterAttempt, int temporalAttempt, long atMillis) {}

  static final Map<String, List<Attempt>> ATTEMPTS = new ConcurrentHashMap<>();
  static StatecraftTestKit kit;

  public static final class Tasks {
    @AslTask("Flaky")
    public Map<String, Object> flaky(JsonNode input, TaskContext context)
        throws InterruptedException {
      List<Attempt> attempts =
          ATTEMPTS.computeIfAbsent(context.workflowId(), k -> new ArrayList<>());
      synchronized (attempts) {
        attempts.add(
            new Attempt(
                context.interpreterAttempt(),
                context.temporalAttempt(),
                kit.environment().currentTimeMillis()));
      }
      if (input.path("sleepSeconds").asInt() > 0) {
        Thread.sleep(input.path("sleepSeconds").asInt() * 1000L);
      }
      if (attempts.size() <= input.path("failures").asInt()) {
        throw TaskError.of("Flaky.Error", "attempt " + attempts.size() + " failed");
      }
      // Ordered, because the assertions compare the output's text; Map.of's order changes per JVM.
      Map<String, Object> result = new java.util.LinkedHashMap<>();
      result.put("attempts", attempts.size());
      if (input.has("retry")) {
        result.put("retry", input.get("retry"));
      }
      return result;
    }
  }

  @BeforeAll
  static void start() {
    kit = StatecraftTestKit.builder().tasks(new Tasks()).build();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** One retrier over States.ALL without jitter: a Temporal retry policy. */
  static final String NATIVE =
      "[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":2,\"MaxAttempts\":3,"
          + "\"BackoffRate\":2,\"MaxDelaySeconds\":5}]";

  /** The same behaviour, which the interpreter runs: a first retrier that never matches. */
  static final String INTERPRETED =
      "[{\"ErrorEquals\":[\"Never.Happens\"],\"MaxAttempts\":0},"
          + "{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":2,\"MaxAttempts\":3,"
          + "\"BackoffRate\":2,\"MaxDelaySeconds\":5}]";

  static String definition(String retry, String extra) {
    return """
        {"StartAt":"Call","States":{
          "Call":{"Type":"Task","Resource":"%s","Retry":%s,%s
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Failed"}],
            "End":true},
          "Failed":{"Type":"Pass","End":true}}}
        """
        .formatted(activity("Flaky"), retry, extra);
  }

  record Outcome(StatecraftTestKit.Result result, List<Attempt> attempts) {
    List<Long> delaysMillis() {
      List<Long> delays = new ArrayList<>();
      for (int i = 1; i < attempts.size(); i++) {
        delays.add(attempts.get(i).atMillis() - attempts.get(i - 1).atMillis());
      }
      return delays;
    }
  }

  static Outcome run(String definition, String input) {
    StatecraftTestKit.Execution execution = kit.start("Retries", definition, input);
    StatecraftTestKit.Result result = execution.await();
    return new Outcome(
        result, List.copyOf(ATTEMPTS.getOrDefault(execution.workflowId(), List.of())));
  }

  @Test
  void aRetrierOverStatesAllBecomesATemporalRetryPolicy() {
    Outcome outcome = run(definition(NATIVE, ""), "{\"failures\":2}");
    assertThat(outcome.attempts())
        .extracting(Attempt::temporalAttempt, Attempt::interpreterAttempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 1),
            org.assertj.core.groups.Tuple.tuple(2, 1),
            org.assertj.core.groups.Tuple.tuple(3, 1));
  }

  @Test
  void otherRetriersRunInTheInterpreterWithOneActivityPerAttempt() {
    Outcome outcome = run(definition(INTERPRETED, ""), "{\"failures\":2}");
    assertThat(outcome.attempts())
        .extracting(Attempt::temporalAttempt, Attempt::interpreterAttempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 1),
            org.assertj.core.groups.Tuple.tuple(1, 2),
            org.assertj.core.groups.Tuple.tuple(1, 3));
  }

  @Test
  void bothPathsSucceedAfterTheSameRetriesWithTheSameOutputAndDelays() {
    Outcome nativePath = run(definition(NATIVE, ""), "{\"failures\":3}");
    Outcome interpreted = run(definition(INTERPRETED, ""), "{\"failures\":3}");
    assertThat(nativePath.result().output()).isEqualTo(interpreted.result().output());
    assertThat(nativePath.result().output().toString()).isEqualTo("{\"attempts\":4}");
    // IntervalSeconds 2, BackoffRate 2, MaxDelaySeconds 5: 2 s, 4 s, then 5 s instead of 8 s.
    for (Outcome o : List.of(nativePath, interpreted)) {
      assertThat(o.delaysMillis()).hasSize(3);
      assertThat(o.delaysMillis().get(0)).isBetween(2_000L, 2_900L);
      assertThat(o.delaysMillis().get(1)).isBetween(4_000L, 4_900L);
      assertThat(o.delaysMillis().get(2)).isBetween(5_000L, 5_900L);
    }
  }

  @Test
  void bothPathsGiveUpAfterMaxAttemptsWithTheLastErrorForCatch() {
    Outcome nativePath = run(definition(NATIVE, ""), "{\"failures\":9}");
    Outcome interpreted = run(definition(INTERPRETED, ""), "{\"failures\":9}");
    assertThat(nativePath.attempts()).hasSize(4);
    assertThat(interpreted.attempts()).hasSize(4);
    assertThat(nativePath.result().output()).isEqualTo(interpreted.result().output());
    assertThat(nativePath.result().output().path("error").toString())
        .isEqualTo("{\"Error\":\"Flaky.Error\",\"Cause\":\"attempt 4 failed\"}");
  }

  @Test
  void theRetryCountReadAfterTheTaskIsTheSameOnBothPaths() {
    String selector = "\"ResultSelector\":{\"retries.$\":\"$$.State.RetryCount\"},";
    Outcome single = run(definition(NATIVE, selector), "{\"failures\":2}");
    Outcome interpreted = run(definition(INTERPRETED, selector), "{\"failures\":2}");
    assertThat(single.result().output().toString()).isEqualTo("{\"retries\":2}");
    assertThat(interpreted.result().output().toString()).isEqualTo("{\"retries\":2}");
    // A definition that reads the count after the task retries in the interpreter: Temporal does
    // not tell a workflow how many attempts a successful activity took.
    assertThat(single.attempts()).extracting(Attempt::interpreterAttempt).containsExactly(1, 2, 3);
  }

  @Test
  void theRetryCountInTheTasksInputCountsEveryAttempt() {
    String parameters =
        "\"Parameters\":{\"failures.$\":\"$.failures\",\"retry.$\":\"$$.State.RetryCount\"},";
    Outcome outcome = run(definition(NATIVE, parameters), "{\"failures\":1}");
    assertThat(outcome.result().output().toString()).isEqualTo("{\"attempts\":2,\"retry\":1}");
  }

  @Test
  void fullJitterWaitsARandomTimeBetweenZeroAndTheBackoffCappedByMaxDelay() {
    String retry =
        "[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":10,\"MaxAttempts\":5,"
            + "\"BackoffRate\":2,\"MaxDelaySeconds\":30,\"JitterStrategy\":\"FULL\"}]";
    List<Long> all = new ArrayList<>();
    for (int run = 0; run < 4; run++) {
      Outcome outcome = run(definition(retry, ""), "{\"failures\":5}");
      assertThat(outcome.attempts()).hasSize(6);
      assertThat(outcome.attempts()).extracting(Attempt::temporalAttempt).containsOnly(1);
      List<Long> delays = outcome.delaysMillis();
      long[] caps = {10_000, 20_000, 30_000, 30_000, 30_000};
      for (int i = 0; i < delays.size(); i++) {
        assertThat(delays.get(i)).isBetween(0L, caps[i] + 900);
      }
      all.addAll(delays);
    }
    assertThat(all.stream().distinct()).as("jitter varies the delays").hasSizeGreaterThan(10);
    assertThat(all).anyMatch(d -> d < 5_000);
  }

  @Test
  void timeoutSecondsIsStatesTimeoutOnBothPathsAndIsRetried() {
    String retryTimeouts =
        "[{\"ErrorEquals\":[\"States.Timeout\"],\"IntervalSeconds\":1,\"MaxAttempts\":1}]";
    String nativeRetry =
        "[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":1,\"MaxAttempts\":1}]";
    Outcome interpreted =
        run(definition(retryTimeouts, "\"TimeoutSeconds\":1,"), "{\"sleepSeconds\":3}");
    Outcome nativePath =
        run(definition(nativeRetry, "\"TimeoutSeconds\":1,"), "{\"sleepSeconds\":3}");
    for (Outcome o : List.of(interpreted, nativePath)) {
      assertThat(o.attempts()).hasSize(2);
      assertThat(o.result().output().path("error").path("Error").asText())
          .isEqualTo("States.Timeout");
    }
  }

  @Test
  void aMissedHeartbeatIsStatesHeartbeatTimeout() {
    Outcome outcome =
        run(
            definition("[]", "\"TimeoutSeconds\":30,\"HeartbeatSeconds\":1,"),
            "{\"sleepSeconds\":3}");
    assertThat(outcome.result().output().path("error").path("Error").asText())
        .isEqualTo("States.HeartbeatTimeout");
    assertThat(outcome.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Duration.ofMillis(outcome.attempts().size())).isEqualTo(Duration.ofMillis(1));
  }
}
