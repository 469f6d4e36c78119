package io.statecraft.activities.demo;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the demo services behave: how long each call takes and which calls fail transiently. Both are
 * deterministic for a given task invocation, so that tests can rely on them.
 *
 * @param minLatency the shortest simulated call
 * @param maxLatency the longest simulated call; each call's latency lies between the two, chosen
 *     from its idempotency key and attempt
 * @param transientFailures by task name: how many attempts of each invocation fail with the task's
 *     transient error before one succeeds
 */
public record DemoSettings(
    Duration minLatency, Duration maxLatency, Map<String, Integer> transientFailures) {

  public DemoSettings {
    Objects.requireNonNull(minLatency, "minLatency");
    Objects.requireNonNull(maxLatency, "maxLatency");
    if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
      throw new IllegalArgumentException(
          "Latency must satisfy 0 <= min <= max, was " + minLatency + " and " + maxLatency);
    }
    transientFailures = Map.copyOf(transientFailures);
    transientFailures.forEach(
        (task, count) -> {
          if (count < 0) {
            throw new IllegalArgumentException(
                "Transient failures of " + task + " must be 0 or more, was " + count);
          }
        });
  }

  /** Instant calls, no failures. */
  public static DemoSettings defaults() {
    return new DemoSettings(Duration.ZERO, Duration.ZERO, Map.of());
  }

  /** These settings with calls taking between {@code min} and {@code max}. */
  public DemoSettings withLatency(Duration min, Duration max) {
    return new DemoSettings(min, max, transientFailures);
  }

  /** These settings with the first {@code count} attempts of each invocation of a task failing. */
  public DemoSettings withTransientFailures(String task, int count) {
    Map<String, Integer> failures = new TreeMap<>(transientFailures);
    failures.put(Objects.requireNonNull(task, "task"), count);
    return new DemoSettings(minLatency, maxLatency, failures);
  }
}
