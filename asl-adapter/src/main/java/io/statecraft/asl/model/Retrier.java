package io.statecraft.asl.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One element of a state's {@code Retry} array.
 *
 * @param errorEquals the error names it matches, in order
 * @param intervalSeconds seconds before the first retry (default 1)
 * @param maxAttempts the number of retries, not attempts (default 3; 0 means never retry)
 * @param backoffRate the multiplier of the interval after each retry (default 2.0)
 * @param maxDelaySeconds the cap on any single delay, if set
 * @param jitterStrategy whether delays are randomised (default NONE)
 * @param comment the {@code Comment}, or {@code null}
 */
public record Retrier(
    List<String> errorEquals,
    int intervalSeconds,
    int maxAttempts,
    double backoffRate,
    OptionalInt maxDelaySeconds,
    JitterStrategy jitterStrategy,
    String comment) {

  public static final int DEFAULT_INTERVAL_SECONDS = 1;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final double DEFAULT_BACKOFF_RATE = 2.0;

  public Retrier {
    errorEquals = List.copyOf(errorEquals);
    Objects.requireNonNull(maxDelaySeconds, "maxDelaySeconds");
    Objects.requireNonNull(jitterStrategy, "jitterStrategy");
  }
}
