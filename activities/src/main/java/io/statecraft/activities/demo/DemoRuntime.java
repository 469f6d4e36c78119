package io.statecraft.activities.demo;

import io.statecraft.activities.TaskContext;
import io.statecraft.activities.sdk.TaskError;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated network around every demo service call. A call's latency (between the settings'
 * minimum and maximum, fixed per invocation and attempt) is spent in two legs: the request leg
 * before the service applies anything ({@link #call}, which then fails the attempt if the settings
 * inject a transient failure), and the response leg after it ({@link #respond}). A worker that dies
 * during the response leg has applied the effect without reporting it, as a real service call can
 * end; the retry must then find the effect already applied under its idempotency key.
 */
public final class DemoRuntime {

  private final DemoSettings settings;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  public DemoRuntime(DemoSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public DemoSettings settings() {
    return settings;
  }

  /**
   * Simulates one call of {@code task} for the invocation in {@code context}.
   *
   * @throws TaskError {@code transientError} when this attempt is one the settings make fail
   */
  public void call(String task, TaskContext context, String transientError) {
    String key = context.idempotencyKey();
    int attempt =
        attempts.computeIfAbsent(task + '\u0000' + key, k -> new AtomicInteger()).incrementAndGet();
    sleep(requestLeg(latency(key, attempt)));
    int failures = settings.transientFailures().getOrDefault(task, 0);
    if (attempt <= failures) {
      throw TaskError.of(
          transientError,
          "Simulated transient failure " + attempt + " of " + failures + " of " + task);
    }
  }

  /**
   * Waits the response leg of the current attempt of {@code task}, after its service call applied
   * the effect, and returns the service's result.
   */
  public <T> T respond(String task, TaskContext context, T result) {
    String key = context.idempotencyKey();
    int attempt = Math.max(1, attempts(task, key));
    Duration latency = latency(key, attempt);
    sleep(latency.minus(requestLeg(latency)));
    return result;
  }

  private static Duration requestLeg(Duration latency) {
    return latency.dividedBy(2);
  }

  /** How many attempts of the task's invocation under this key have been made. */
  public int attempts(String task, String key) {
    AtomicInteger count = attempts.get(task + '\u0000' + key);
    return count == null ? 0 : count.get();
  }

  Duration latency(String key, int attempt) {
    long min = settings.minLatency().toMillis();
    long span = settings.maxLatency().toMillis() - min;
    if (span <= 0) {
      return settings.minLatency();
    }
    // String.hashCode is specified, so the same invocation waits the same time on every JVM.
    long h = (key.hashCode() * 31L + attempt) & 0x7fffffffL;
    return Duration.ofMillis(min + h % (span + 1));
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      // The worker is shutting down hard; end the attempt so Temporal can run it elsewhere.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while simulating a service call", e);
    }
  }
}
