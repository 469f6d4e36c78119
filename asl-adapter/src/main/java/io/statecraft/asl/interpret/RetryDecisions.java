package io.statecraft.asl.interpret;

import io.statecraft.asl.error.ErrorMatcher;
import io.statecraft.asl.model.JitterStrategy;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.port.Entropy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The retry decision of a state that failed: pure arithmetic over the state's {@code Retry} array.
 *
 * <p>"When a state reports an error, Step Functions scans through the retriers and, when the error
 * name appears in the value of a retrier's ErrorEquals field, implements the retry policy in that
 * retrier." Only the first matching retrier counts: when its attempts are used up the state does
 * not fall through to a later retrier. Each retrier has its own attempt counter; {@code
 * MaxAttempts: 0} never retries. The n-th retry (n from 0) of a retrier waits {@code
 * IntervalSeconds × BackoffRate^n} seconds, at most {@code MaxDelaySeconds}; with {@code
 * JitterStrategy: FULL} the wait is "a random number between 0 and the computed backoff".
 */
public final class RetryDecisions {

  private RetryDecisions() {}

  /**
   * A retry to make.
   *
   * @param retrierIndex which retrier applies (its counter goes up by one)
   * @param delay how long to wait before the next attempt
   */
  public record Retry(int retrierIndex, Duration delay) {}

  /**
   * What to do after {@code error}, given how many retries each retrier has made so far. Empty
   * means: no retry, go on to Catch.
   */
  public static Optional<Retry> next(
      List<Retrier> retriers, int[] retriesSoFar, String error, Entropy entropy) {
    for (int i = 0; i < retriers.size(); i++) {
      Retrier r = retriers.get(i);
      if (!ErrorMatcher.matches(r.errorEquals(), error)) {
        continue;
      }
      if (retriesSoFar[i] >= r.maxAttempts()) {
        return Optional.empty();
      }
      Duration backoff = backoff(r, retriesSoFar[i]);
      if (r.jitterStrategy() == JitterStrategy.FULL) {
        backoff = Duration.ofNanos((long) Math.floor(backoff.toNanos() * entropy.nextDouble()));
      }
      return Optional.of(new Retry(i, backoff));
    }
    return Optional.empty();
  }

  /**
   * The delay before the retry that follows {@code retriesSoFar} earlier retries of this retrier,
   * without jitter: {@code IntervalSeconds × BackoffRate^retriesSoFar}, capped by {@code
   * MaxDelaySeconds}.
   */
  public static Duration backoff(Retrier r, int retriesSoFar) {
    double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), retriesSoFar);
    if (r.maxDelaySeconds().isPresent()) {
      seconds = Math.min(seconds, r.maxDelaySeconds().getAsInt());
    }
    return seconds(seconds);
  }

  /** Seconds as a duration with nanosecond precision, saturating instead of overflowing. */
  static Duration seconds(double seconds) {
    double nanos = seconds * 1e9;
    if (!(nanos < Long.MAX_VALUE)) {
      return Duration.ofNanos(Long.MAX_VALUE);
    }
    return Duration.ofNanos(Math.max(0, Math.round(nanos)));
  }
}
