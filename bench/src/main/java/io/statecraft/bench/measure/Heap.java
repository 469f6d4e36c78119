package io.statecraft.bench.measure;

import java.lang.management.ManagementFactory;

/** The heap of this JVM, where the in-process scenarios run their worker. */
public final class Heap {

  private Heap() {}

  /** Used heap after asking for full collections until it stops shrinking (at most 5 rounds). */
  public static long usedAfterGc() throws InterruptedException {
    long previous = Long.MAX_VALUE;
    long used = used();
    for (int i = 0; i < 5 && used < previous; i++) {
      previous = used;
      System.gc();
      Thread.sleep(100);
      used = used();
    }
    return Math.min(previous, used);
  }

  /** Used heap now. */
  public static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Samples the used heap every 20 ms from a daemon thread until closed. */
  public static final class PeakSampler implements AutoCloseable {
    private final java.util.concurrent.atomic.AtomicLong peak =
        new java.util.concurrent.atomic.AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public PeakSampler() {
      peak.set(used());
      thread =
          Thread.ofPlatform()
              .daemon()
              .name("heap-sampler")
              .start(
                  () -> {
                    while (running) {
                      peak.accumulateAndGet(used(), Math::max);
                      try {
                        Thread.sleep(20);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    /** The largest used heap seen so far. */
    public long peak() {
      return Math.max(peak.get(), used());
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
    }
  }
}
