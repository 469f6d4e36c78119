package io.statecraft.asl.interpret;

import java.time.Duration;
import java.util.List;

/**
 * A state's retriers expressed exactly as one Temporal activity retry policy, for the {@link Tasks}
 * port to apply itself. The core only hands one out when it gives the same attempts, delays, final
 * error and {@code $$.State.RetryCount} as the interpreter's own retries: a single retrier over
 * {@code States.ALL}, without jitter, on a task that is not a callback and whose inputs do not read
 * the retry count.
 *
 * <p>Delays follow Temporal's rule: the wait before attempt {@code n} (from 2) is {@code
 * initialInterval × backoffCoefficient^(n-2)}, capped by {@code maximumInterval}; {@link
 * #delayBeforeAttempt} computes it the way the interpreter does.
 *
 * @param initialIntervalSeconds the wait before the second attempt
 * @param backoffCoefficient the factor between consecutive waits (at least 1)
 * @param maximumAttempts the total number of attempts, the first included (MaxAttempts + 1 when no
 *     retry happened yet)
 * @param maximumIntervalSeconds the cap on any wait: MaxDelaySeconds, or else the largest wait the
 *     policy can produce (never Temporal's default of 100 × the initial interval)
 * @param nonRetryableErrorTypes error names that end the task at once ({@code States.Runtime} and
 *     {@code States.DataLimitExceeded}, which {@code States.ALL} does not match)
 */
public record NativeRetryPolicy(
    double initialIntervalSeconds,
    double backoffCoefficient,
    int maximumAttempts,
    double maximumIntervalSeconds,
    List<String> nonRetryableErrorTypes) {

  public NativeRetryPolicy {
    nonRetryableErrorTypes = List.copyOf(nonRetryableErrorTypes);
    if (maximumAttempts < 2) {
      throw new IllegalArgumentException("a native policy retries at least once");
    }
  }

  /** The wait before attempt {@code attempt} (2 for the first retry). */
  public Duration delayBeforeAttempt(int attempt) {
    if (attempt < 2) {
      return Duration.ZERO;
    }
    double seconds = initialIntervalSeconds * Math.pow(backoffCoefficient, attempt - 2);
    return RetryDecisions.seconds(Math.min(seconds, maximumIntervalSeconds));
  }

  /** {@link #initialIntervalSeconds} as a duration. */
  public Duration initialInterval() {
    return RetryDecisions.seconds(initialIntervalSeconds);
  }

  /** {@link #maximumIntervalSeconds} as a duration. */
  public Duration maximumInterval() {
    return RetryDecisions.seconds(maximumIntervalSeconds);
  }
}
