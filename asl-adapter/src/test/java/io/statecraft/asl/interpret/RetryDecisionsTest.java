package io.statecraft.asl.interpret;

import static io.statecraft.asl.testing.Model.retrier;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.interpret.memory.SeededEntropy;
import io.statecraft.asl.model.JitterStrategy;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.port.Entropy;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetryDecisionsTest {

  static final Entropy NO_JITTER = new SeededEntropy(0);

  static Entropy fixed(double value) {
    return new Entropy() {
      @Override
      public UUID randomUuid() {
        return new UUID(0, 0);
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void delaysGrowByTheBackoffRate() {
    Retrier r = retrier(List.of("States.ALL"), 2, 5, 3.0);
    assertThat(RetryDecisions.backoff(r, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RetryDecisions.backoff(r, 1)).isEqualTo(Duration.ofSeconds(6));
    assertThat(RetryDecisions.backoff(r, 2)).isEqualTo(Duration.ofSeconds(18));
  }

  @Test
  void fractionalBackoffKeepsSubSecondPrecision() {
    Retrier r = retrier(List.of("States.ALL"), 1, 3, 1.5);
    assertThat(RetryDecisions.backoff(r, 1)).isEqualTo(Duration.ofMillis(1500));
    assertThat(RetryDecisions.backoff(r, 2)).isEqualTo(Duration.ofMillis(2250));
  }

  @Test
  void maxDelaySecondsCapsEveryDelay() {
    Retrier r = retrier(List.of("States.ALL"), 1, 10, 2.0, OptionalInt.of(5), JitterStrategy.NONE);
    assertThat(RetryDecisions.backoff(r, 2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(RetryDecisions.backoff(r, 3)).isEqualTo(Duration.ofSeconds(5));
    assertThat(RetryDecisions.backoff(r, 9)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void fullJitterDrawsBetweenZeroAndTheCappedBackoff() {
    Retrier r =
        retrier(List.of("States.ALL"), 10, 10, 2.0, OptionalInt.of(30), JitterStrategy.FULL);
    int[] counts = {3};
    assertThat(RetryDecisions.next(List.of(r), counts, "E", fixed(0.0)).orElseThrow().delay())
        .isEqualTo(Duration.ZERO);
    assertThat(RetryDecisions.next(List.of(r), counts, "E", fixed(0.5)).orElseThrow().delay())
        .isEqualTo(Duration.ofSeconds(15));
    SeededEntropy entropy = new SeededEntropy(42);
    for (int i = 0; i < 1000; i++) {
      Duration d = RetryDecisions.next(List.of(r), counts, "E", entropy).orElseThrow().delay();
      assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(30));
      assertThat(d).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void theFirstMatchingRetrierDecidesEvenWhenItIsExhausted() {
    Retrier specific = retrier(List.of("Specific"), 1, 1, 2.0);
    Retrier all = retrier(List.of("States.ALL"), 1, 5, 2.0);
    int[] counts = {1, 0};
    assertThat(RetryDecisions.next(List.of(specific, all), counts, "Specific", NO_JITTER))
        .isEmpty();
    assertThat(RetryDecisions.next(List.of(specific, all), counts, "Other", NO_JITTER))
        .hasValueSatisfying(r -> assertThat(r.retrierIndex()).isEqualTo(1));
  }

  @Test
  void eachRetrierCountsItsOwnAttempts() {
    Retrier a = retrier(List.of("A"), 1, 2, 2.0);
    Retrier b = retrier(List.of("B"), 10, 2, 2.0);
    int[] counts = {1, 0};
    RetryDecisions.Retry forB =
        RetryDecisions.next(List.of(a, b), counts, "B", NO_JITTER).orElseThrow();
    assertThat(forB.retrierIndex()).isEqualTo(1);
    assertThat(forB.delay()).isEqualTo(Duration.ofSeconds(10));
    RetryDecisions.Retry forA =
        RetryDecisions.next(List.of(a, b), counts, "A", NO_JITTER).orElseThrow();
    assertThat(forA.delay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void maxAttemptsZeroNeverRetries() {
    Retrier never = retrier(List.of("States.ALL"), 1, 0, 2.0);
    assertThat(RetryDecisions.next(List.of(never), new int[] {0}, "E", NO_JITTER)).isEmpty();
  }

  @Test
  void runtimeErrorsAreNeverRetried() {
    Retrier all = retrier(List.of("States.ALL", "States.Runtime"), 1, 3, 2.0);
    assertThat(RetryDecisions.next(List.of(all), new int[] {0}, "States.Runtime", NO_JITTER))
        .isEmpty();
  }
}
