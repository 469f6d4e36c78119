package io.statecraft.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void percentilesAreNearestRank() {
    Samples s = new Samples();
    for (int i = 100; i >= 1; i--) {
      s.add(i);
    }
    assertThat(s.size()).isEqualTo(100);
    assertThat(s.median()).isEqualTo(50);
    assertThat(s.p99()).isEqualTo(99);
    assertThat(s.percentile(100)).isEqualTo(100);
    assertThat(new Samples().median()).isNaN();
  }

  @Test
  void concurrentCallsAreCountedAndTheirFailuresKept() throws Exception {
    Concurrently.Result r =
        Concurrently.count(
            4,
            20,
            i -> {
              if (i == 7) {
                throw new IllegalStateException("seven");
              }
            });
    assertThat(r.completed()).isEqualTo(19);
    assertThat(r.errors()).isEqualTo(1);
    assertThat(r.firstError()).hasMessage("seven");
    assertThat(r.latencies().size()).isEqualTo(19);
  }
}
