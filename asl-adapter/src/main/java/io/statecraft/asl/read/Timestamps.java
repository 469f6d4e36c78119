package io.statecraft.asl.read;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps ASL accepts: RFC 3339, with an uppercase {@code T} between date and time and an
 * uppercase {@code Z} when there is no numeric offset, and any number of fractional digits.
 */
final class Timestamps {

  private static final Pattern RFC3339 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-](\\d{2}):(\\d{2}))");

  private Timestamps() {}

  static boolean isValid(String text) {
    Matcher m = RFC3339.matcher(text);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      LocalTime.of(
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
      if (m.group(9) != null) {
        ZoneOffset.ofHoursMinutes(
            Integer.parseInt(m.group(9)) * (m.group(8).startsWith("-") ? -1 : 1),
            Integer.parseInt(m.group(10)) * (m.group(8).startsWith("-") ? -1 : 1));
      }
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
