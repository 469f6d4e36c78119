package io.statecraft.asl.interpret;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One wait, and why.
 *
 * @param duration how long to wait (positive)
 * @param wakeAt when the wait ends, on the engine's clock
 * @param stateName the state that waits
 * @param scopePath the scope of that state ({@code ""} at the top level, else like {@code
 *     Items[3]})
 * @param reason a Wait state, or the pause before a retry
 * @param attempt for a retry, the number of the attempt that follows (1 for the first retry); 0 for
 *     a Wait state
 */
public record TimerRequest(
    Duration duration,
    Instant wakeAt,
    String stateName,
    String scopePath,
    Reason reason,
    int attempt) {

  /** Why the engine waits. */
  public enum Reason {
    /** A Wait state. */
    WAIT,
    /** The pause of a Retrier before the next attempt. */
    RETRY
  }

  public TimerRequest {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(wakeAt, "wakeAt");
    Objects.requireNonNull(stateName, "stateName");
    Objects.requireNonNull(scopePath, "scopePath");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A short label for the timer, such as {@code Wait WaitForApproval} or {@code Retry Charge #2}.
   */
  public String summary() {
    String where = scopePath.isEmpty() ? stateName : scopePath + "/" + stateName;
    return reason == Reason.WAIT ? "Wait " + where : "Retry " + where + " #" + attempt;
  }
}
