package io.statecraft.asl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  /** The pattern the context object's timestamps follow. */
  private static final DateTimeFormatter PATTERN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void writesUtcWithMillisecondsTruncated() {
    assertThat(Timestamps.format(Instant.parse("2024-02-29T23:59:59.999999999Z")))
        .isEqualTo("2024-02-29T23:59:59.999Z");
    assertThat(Timestamps.format(Instant.parse("1970-01-01T00:00:00Z")))
        .isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(Timestamps.format(Instant.parse("1969-12-31T23:59:59.001Z")))
        .isEqualTo("1969-12-31T23:59:59.001Z");
  }

  @Test
  void writesWhatThePatternWritesAcrossTheWholeRange() {
    List<Instant> edges =
        List.of(
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("0000-12-31T23:59:59.999Z"),
            Instant.parse("-0001-06-15T12:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("2000-02-29T12:34:56.789Z"),
            Instant.parse("1900-03-01T00:00:00Z"));
    for (Instant i : edges) {
      assertThat(Timestamps.format(i)).as(i.toString()).isEqualTo(PATTERN.format(i));
    }
    // Beyond what a date can hold, both refuse alike.
    for (Instant i : List.of(Instant.MIN, Instant.MAX)) {
      assertThatThrownBy(() -> PATTERN.format(i)).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> Timestamps.format(i)).isInstanceOf(DateTimeException.class);
    }
    Random random = new Random(2024);
    long first = Instant.parse("-1000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
    for (int n = 0; n < 200_000; n++) {
      Instant i =
          Instant.ofEpochSecond(
              first + Math.floorMod(random.nextLong(), last - first),
              random.nextInt(1_000_000_000));
      assertThat(Timestamps.format(i)).as(i.toString()).isEqualTo(PATTERN.format(i));
    }
  }
}
