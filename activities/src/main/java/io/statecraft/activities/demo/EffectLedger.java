package io.statecraft.activities.demo;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Applies each side effect once per idempotency key, and remembers its result: the pattern {@link
 * io.statecraft.activities.TaskContext#idempotencyKey()} is designed for.
 *
 * <p>The first call for a key runs the effect and records its result; every later call for that key
 * returns the recorded result without running anything. A call that arrives while the first is
 * still running waits for it. An effect that throws records nothing, so that a retry can apply it.
 * Thread-safe.
 */
public final class EffectLedger {

  private final Map<String, CompletableFuture<Object>> effects = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  /**
   * Applies {@code action} unless the effect was already applied under {@code key}.
   *
   * @param effect the kind of effect, for example {@code payment.charge}
   * @param key the idempotency key
   * @return the result of the one application
   */
  public <T> T applyOnce(String effect, String key, Class<T> type, Supplier<? extends T> action) {
    Objects.requireNonNull(action, "action");
    String id = id(effect, key);
    requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    while (true) {
      CompletableFuture<Object> mine = new CompletableFuture<>();
      CompletableFuture<Object> existing = effects.putIfAbsent(id, mine);
      if (existing == null) {
        try {
          T value = action.get();
          mine.complete(value);
          return value;
        } catch (RuntimeException | Error e) {
          effects.remove(id, mine);
          mine.completeExceptionally(e);
          throw e;
        }
      }
      try {
        return type.cast(existing.join());
      } catch (CompletionException e) {
        // The first attempt failed and recorded nothing; try to apply it here instead.
      }
    }
  }

  /** Whether the effect was applied under the key. */
  public boolean isApplied(String effect, String key) {
    CompletableFuture<Object> future = effects.get(id(effect, key));
    return future != null && future.isDone() && !future.isCompletedExceptionally();
  }

  /** How many times the effect was requested under the key, applied or not. */
  public int requestCount(String effect, String key) {
    AtomicInteger count = requests.get(id(effect, key));
    return count == null ? 0 : count.get();
  }

  /** The keys under which the effect was applied, sorted. */
  public Set<String> appliedKeys(String effect) {
    String prefix = effect + '\u0000';
    Set<String> keys = new TreeSet<>();
    effects.forEach(
        (id, future) -> {
          if (id.startsWith(prefix) && future.isDone() && !future.isCompletedExceptionally()) {
            keys.add(id.substring(prefix.length()));
          }
        });
    return keys;
  }

  private static String id(String effect, String key) {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(key, "key");
    return effect + '\u0000' + key;
  }
}
