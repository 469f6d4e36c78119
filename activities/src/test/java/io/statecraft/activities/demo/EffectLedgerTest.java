package io.statecraft.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EffectLedgerTest {

  @Test
  void concurrentRequestsForOneKeyApplyTheEffectOnce() throws Exception {
    EffectLedger ledger = new EffectLedger();
    AtomicInteger applied = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return ledger.applyOnce(
                      "charge",
                      "wf/Charge#1",
                      String.class,
                      () -> {
                        sleep(20);
                        return "charge-" + applied.incrementAndGet();
                      });
                }));
      }
      start.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("charge-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(applied).hasValue(1);
    assertThat(ledger.requestCount("charge", "wf/Charge#1")).isEqualTo(64);
    assertThat(ledger.appliedKeys("charge")).containsExactly("wf/Charge#1");
  }

  @Test
  void aFailedEffectRecordsNothingSoTheRetryAppliesIt() {
    EffectLedger ledger = new EffectLedger();
    assertThatThrownBy(
            () ->
                ledger.applyOnce(
                    "ship",
                    "k",
                    String.class,
                    () -> {
                      throw new IllegalStateException("carrier down");
                    }))
        .hasMessage("carrier down");
    assertThat(ledger.isApplied("ship", "k")).isFalse();
    assertThat(ledger.applyOnce("ship", "k", String.class, () -> "shipped")).isEqualTo("shipped");
    assertThat(ledger.applyOnce("ship", "k", String.class, () -> "again")).isEqualTo("shipped");
    assertThat(ledger.isApplied("ship", "k")).isTrue();
    assertThat(ledger.requestCount("ship", "k")).isEqualTo(3);
  }

  @Test
  void keysOfDifferentEffectsAreIndependent() {
    EffectLedger ledger = new EffectLedger();
    ledger.applyOnce("a", "k", String.class, () -> "a");
    assertThat(ledger.applyOnce("b", "k", String.class, () -> "b")).isEqualTo("b");
    assertThat(ledger.appliedKeys("a")).containsExactly("k");
  }

  @Test
  void latencyIsDeterministicAndWithinBounds() {
    DemoRuntime runtime =
        new DemoRuntime(
            DemoSettings.defaults()
                .withLatency(java.time.Duration.ZERO, java.time.Duration.ofMillis(500)));
    for (int i = 0; i < 200; i++) {
      String key = "orders/exec-" + i + "/Charge#1";
      long millis = runtime.latency(key, 1).toMillis();
      assertThat(millis).isBetween(0L, 500L);
      assertThat(runtime.latency(key, 1)).isEqualTo(runtime.latency(key, 1));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
