package io.statecraft.asl.dataflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Timestamps as ASL reads and writes them.
 *
 * <p>Wait {@code Timestamp}, Choice {@code Timestamp*} operators and {@code IsTimestamp} accept
 * what AWS calls "an ISO-8601 extended offset date-time format string": a date, {@code T}, a time
 * with optional seconds and up to nine fraction digits, and an offset ({@code Z} or {@code
 * ±hh:mm}). A missing offset, a space instead of {@code T}, or an out-of-range field makes the
 * string invalid, as the conformance corpus shows.
 */
public final class Timestamps {

  private static final DateTimeFormatter PRINTER =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** The instant the string denotes, or empty when it is not a valid timestamp. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The instant as the context object shows it ({@code $$.Execution.StartTime}, {@code
   * $$.State.EnteredTime}): UTC with milliseconds, for example {@code 2024-05-01T12:00:00.000Z}.
   */
  public static String format(Instant instant) {
    return PRINTER.format(instant);
  }
}
