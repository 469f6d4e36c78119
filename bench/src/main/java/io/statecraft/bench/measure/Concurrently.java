package io.statecraft.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Runs an operation from several clients at once and times every call. */
public final class Concurrently {

  /** One call of the measured operation; {@code index} numbers the calls of a run from 0. */
  @FunctionalInterface
  public interface Operation {
    void run(int index) throws Exception;
  }

  /**
   * What a run measured.
   *
   * @param latencies every successful call's duration, in milliseconds
   * @param wallSeconds from the first call's start to the last call's end
   * @param completed calls that succeeded
   * @param errors calls that threw
   * @param firstError the first exception thrown, or {@code null}
   */
  public record Result(
      Samples latencies, double wallSeconds, int completed, int errors, Throwable firstError) {

    /** Successful calls per second of wall time. */
    public double perSecond() {
      return wallSeconds > 0 ? completed / wallSeconds : 0;
    }
  }

  private Concurrently() {}

  /** {@code total} calls spread over {@code clients} threads, each taking the next index. */
  public static Result count(int clients, int total, Operation op) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    return run(clients, () -> next.get() < total, () -> next.getAndIncrement(), total, op);
  }

  /** Calls from {@code clients} threads until {@code seconds} have passed. */
  public static Result forSeconds(int clients, double seconds, Operation op)
      throws InterruptedException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicInteger next = new AtomicInteger();
    return run(
        clients, () -> System.nanoTime() < end, next::getAndIncrement, Integer.MAX_VALUE, op);
  }

  private interface Condition {
    boolean more();
  }

  private interface Indexer {
    int next();
  }

  private static Result run(int clients, Condition more, Indexer indexer, int limit, Operation op)
      throws InterruptedException {
    Samples latencies = new Samples();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Throwable[] first = new Throwable[1];
    AtomicLong lastEnd = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  while (more.more()) {
                    int index = indexer.next();
                    if (index >= limit) {
                      return;
                    }
                    long t0 = System.nanoTime();
                    try {
                      op.run(index);
                      long t1 = System.nanoTime();
                      latencies.add((t1 - t0) / 1e6);
                      completed.incrementAndGet();
                      lastEnd.accumulateAndGet(t1, Math::max);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    } catch (Exception | Error e) {
                      errors.incrementAndGet();
                      lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                      synchronized (first) {
                        if (first[0] == null) {
                          first[0] = e;
                        }
                      }
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a client thread failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long end = lastEnd.get() == 0 ? System.nanoTime() : lastEnd.get();
    return new Result(latencies, (end - start) / 1e9, completed.get(), errors.get(), first[0]);
  }
}
