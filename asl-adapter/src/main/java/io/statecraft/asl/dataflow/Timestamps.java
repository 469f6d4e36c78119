package io.statecraft.asl.dataflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_FAST || seconds > LAST_FAST) {
      return PRINTER.format(instant);
    }
    // Every history event carries a timestamp: written by hand, it costs a tenth of the
    // formatter's time; the formatter stays for years it would sign or not pad to four digits.
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    byte[] text = new byte[24];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, second / 3600, 2);
    text[13] = ':';
    digits(text, 14, second / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, second % 60, 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1_000_000, 3);
    text[23] = 'Z';
    return new String(text, StandardCharsets.US_ASCII);
  }

  private static final long SECONDS_PER_DAY = 86_400;

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written as four plain digits. */
  private static final long FIRST_FAST = -62_135_596_800L;

  private static final long LAST_FAST = 253_402_300_799L;

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
