package io.statecraft.asl.error;

import java.util.List;

/**
 * Decides whether an error name is matched by a Retrier's or Catcher's {@code ErrorEquals}.
 *
 * <p>The rules, from the Step Functions developer guide ("Error names"):
 *
 * <ul>
 *   <li>{@code States.ALL} "matches any known error name", but "can't catch the {@code
 *       States.DataLimitExceeded} terminal error type and runtime error types".
 *   <li>{@code States.TaskFailed} "acts as a wildcard that matches any known error name except for
 *       {@code States.Timeout}"; a heartbeat timeout is a timeout, so it is not matched either.
 *   <li>{@code States.Runtime} "isn't retriable, and will always cause the execution to fail": no
 *       ErrorEquals matches it, not even one that names it.
 *   <li>{@code States.Timeout} also matches {@code States.HeartbeatTimeout}, because a state that
 *       misses its heartbeat "failed to send a heartbeat for a period longer than the
 *       HeartbeatSeconds value", which the guide lists under {@code States.Timeout}.
 *   <li>Any other name matches itself exactly (names are case-sensitive), so {@code
 *       States.DataLimitExceeded} can be caught when it is named explicitly.
 * </ul>
 */
public final class ErrorMatcher {

  private static final String ALL = StatesError.ALL.errorName();
  private static final String TASK_FAILED = StatesError.TASK_FAILED.errorName();
  private static final String TIMEOUT = StatesError.TIMEOUT.errorName();
  private static final String HEARTBEAT_TIMEOUT = StatesError.HEARTBEAT_TIMEOUT.errorName();
  private static final String RUNTIME = StatesError.RUNTIME.errorName();
  private static final String DATA_LIMIT_EXCEEDED = StatesError.DATA_LIMIT_EXCEEDED.errorName();

  private ErrorMatcher() {}

  /** Whether any name in {@code errorEquals} matches {@code error}. */
  public static boolean matches(List<String> errorEquals, String error) {
    if (error == null || RUNTIME.equals(error)) {
      return false;
    }
    for (String name : errorEquals) {
      if (matches(name, error)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the single ErrorEquals entry {@code name} matches {@code error}. */
  public static boolean matches(String name, String error) {
    if (error == null || RUNTIME.equals(error)) {
      return false;
    }
    if (name.equals(error)) {
      return true;
    }
    if (ALL.equals(name)) {
      return !DATA_LIMIT_EXCEEDED.equals(error);
    }
    if (TASK_FAILED.equals(name)) {
      return !DATA_LIMIT_EXCEEDED.equals(error) && !isTimeout(error);
    }
    if (TIMEOUT.equals(name)) {
      return HEARTBEAT_TIMEOUT.equals(error);
    }
    return false;
  }

  /** Whether errors of this name can ever be retried or caught. */
  public static boolean isTerminal(String error) {
    return RUNTIME.equals(error);
  }

  private static boolean isTimeout(String error) {
    return TIMEOUT.equals(error) || HEARTBEAT_TIMEOUT.equals(error);
  }
}
