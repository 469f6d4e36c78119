package io.statecraft.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  record Charge(String chargeId, long amountCents) {}

  @Test
  void aJournaledLedgerRemembersEveryAppliedEffectAcrossProcesses(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("ledgers/effects.jsonl");
    ObjectMapper mapper = new ObjectMapper();
    AtomicInteger applied = new AtomicInteger();
    try (EffectLedger first = EffectLedger.open(file, mapper)) {
      assertThat(first.journalFile()).contains(file);
      assertThat(
              first.applyOnce(
                  "payment.charge",
                  "wf/Charge#1",
                  Charge.class,
                  () -> new Charge("ch-" + applied.incrementAndGet(), 1299)))
          .isEqualTo(new Charge("ch-1", 1299));
      assertThatThrownBy(
              () ->
                  first.applyOnce(
                      "shipping.ship",
                      "wf/Ship#1",
                      String.class,
                      () -> {
                        throw new IllegalStateException("carrier down");
                      }))
          .hasMessage("carrier down");
    }
    // A crash while the last line was written leaves it cut short.
    Files.writeString(file, "{\"applied\":\"shipping.ship\",\"ke", StandardOpenOption.APPEND);

    try (EffectLedger second = EffectLedger.open(file, mapper)) {
      assertThat(second.isApplied("payment.charge", "wf/Charge#1")).isTrue();
      assertThat(second.isApplied("shipping.ship", "wf/Ship#1")).isFalse();
      // The second worker's retry gets the first one's result, converted to the type it asks for.
      assertThat(
              second.applyOnce(
                  "payment.charge",
                  "wf/Charge#1",
                  Charge.class,
                  () -> new Charge("ch-" + applied.incrementAndGet(), 1299)))
          .isEqualTo(new Charge("ch-1", 1299));
      assertThat(applied).hasValue(1);
      assertThat(second.requestCount("payment.charge", "wf/Charge#1")).isEqualTo(2);
      assertThat(second.applyOnce("shipping.ship", "wf/Ship#1", String.class, () -> "shp-1"))
          .isEqualTo("shp-1");
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines)
        .containsExactly(
            "{\"applied\":\"payment.charge\",\"key\":\"wf/Charge#1\","
                + "\"result\":{\"chargeId\":\"ch-1\",\"amountCents\":1299}}",
            "{\"repeated\":\"payment.charge\",\"key\":\"wf/Charge#1\"}",
            "{\"applied\":\"shipping.ship\",\"key\":\"wf/Ship#1\",\"result\":\"shp-1\"}");
  }

  @Test
  void aCorruptJournalLineBeforeTheLastOneIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("effects.jsonl");
    Files.writeString(
        file,
        "{\"applied\":\"a\",\"key\":\"k\",\"result\":1}\nnot json\n"
            + "{\"repeated\":\"a\",\"key\":\"k\"}\n");
    assertThatThrownBy(() -> EffectLedger.open(file, new ObjectMapper()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 2");
    Files.writeString(file, "{\"key\":\"k\"}\n");
    assertThatThrownBy(() -> EffectLedger.open(file, new ObjectMapper()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 1");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
