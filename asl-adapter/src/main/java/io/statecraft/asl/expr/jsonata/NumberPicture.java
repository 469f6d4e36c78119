package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.JException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code $formatNumber(number, picture, options)}: XPath and XQuery Functions and Operators 3.1,
 * section 4.7 (fn:format-number), as JSONata implements it.
 *
 * <p>The library hands the picture to {@link DecimalFormat} unchecked, so it accepts pictures the
 * specification refuses ({@code "x"} formats 1 as {@code "x1"}, where AWS fails with D3086) and
 * reads letters such as {@code E} in literal text as pattern syntax. Here the picture is checked
 * against the rules of section 4.7.3 first, each broken rule giving its JSONata code (when several
 * are broken, the last rule checked wins, as in JSONata), and then translated into a {@link
 * DecimalFormat} pattern whose literal text is quoted. The value is rounded half to even on its
 * shortest decimal form, as JSONata's {@code $round} does, not on its binary value.
 *
 * <p>Deliberate deviations: grouping separators in the fractional part are dropped, and a second
 * sub-picture contributes its prefix and suffix but not its digit layout, which {@link
 * DecimalFormat} takes from the first.
 */
final class NumberPicture {

  private final int decimal;
  private final int grouping;
  private final int exponent;
  private final int percent;
  private final int perMille;
  private final int zero;
  private final int digit;
  private final int separator;
  private final String minus;
  private final String infinity;
  private final String nan;

  private NumberPicture(Map<?, ?> options) {
    decimal = option(options, "decimal-separator", '.');
    grouping = option(options, "grouping-separator", ',');
    exponent = option(options, "exponent-separator", 'e');
    percent = option(options, "percent", '%');
    perMille = option(options, "per-mille", '\u2030');
    zero = option(options, "zero-digit", '0');
    digit = option(options, "digit", '#');
    separator = option(options, "pattern-separator", ';');
    minus = text(options, "minus-sign", "-");
    infinity = text(options, "infinity", "Infinity");
    nan = text(options, "NaN", "NaN");
  }

  private static int option(Map<?, ?> options, String name, int fallback) {
    String v = text(options, name, null);
    return v == null || v.isEmpty() ? fallback : v.codePointAt(0);
  }

  private static String text(Map<?, ?> options, String name, String fallback) {
    Object v = options == null ? null : options.get(name);
    return v instanceof String s ? s : fallback;
  }

  static String format(Number value, String picture, Map<?, ?> options) {
    return new NumberPicture(options).format(value, picture);
  }

  private boolean isDigit(int c) {
    return c >= zero && c < zero + 10;
  }

  private boolean isActive(int c) {
    return isDigit(c)
        || c == decimal
        || c == exponent
        || c == grouping
        || c == digit
        || c == separator;
  }

  /** One sub-picture, split as section 4.7.4 describes. */
  private record Parts(
      int[] picture,
      int[] prefix,
      int[] suffix,
      int[] active,
      int[] mantissa,
      int[] exponentPart,
      int[] integer,
      int[] fraction) {}

  private Parts split(int[] p) {
    int first = -1;
    for (int i = 0; i < p.length; i++) {
      if (isActive(p[i]) && p[i] != exponent) {
        first = i;
        break;
      }
    }
    int last = -1;
    for (int i = p.length - 1; i >= 0; i--) {
      if (isActive(p[i]) && p[i] != exponent) {
        last = i;
        break;
      }
    }
    int[] prefix = first < 0 ? new int[0] : slice(p, 0, first);
    int[] suffix = last < 0 ? new int[0] : slice(p, last + 1, p.length);
    int[] active = slice(p, prefix.length, p.length - suffix.length);
    int e = indexOf(active, exponent, 0);
    int[] mantissa = e < 0 ? active : slice(active, 0, e);
    int[] exp = e < 0 ? null : slice(active, e + 1, active.length);
    int d = indexOf(mantissa, decimal, 0);
    int[] integer = d < 0 ? mantissa : slice(mantissa, 0, d);
    int[] fraction = d < 0 ? new int[0] : slice(mantissa, d + 1, mantissa.length);
    return new Parts(p, prefix, suffix, active, mantissa, exp, integer, fraction);
  }

  /** Section 4.7.3: the rules a sub-picture must satisfy. */
  private void validate(Parts parts) {
    String error = null;
    int[] p = parts.picture();
    if (count(p, decimal) > 1) {
      error = "D3081";
    }
    if (count(p, percent) > 1) {
      error = "D3082";
    }
    if (count(p, perMille) > 1) {
      error = "D3083";
    }
    if (count(p, percent) > 0 && count(p, perMille) > 0) {
      error = "D3084";
    }
    boolean mantissaDigit = false;
    for (int c : parts.mantissa()) {
      mantissaDigit |= isDigit(c) || c == digit;
    }
    if (!mantissaDigit) {
      error = "D3085";
    }
    for (int c : parts.active()) {
      if (!isActive(c)) {
        error = "D3086";
      }
    }
    int d = indexOf(p, decimal, 0);
    if (d >= 0) {
      if ((d > 0 && p[d - 1] == grouping) || (d + 1 < p.length && p[d + 1] == grouping)) {
        error = "D3087";
      }
    } else if (parts.integer().length > 0
        && parts.integer()[parts.integer().length - 1] == grouping) {
      error = "D3088";
    }
    for (int i = 1; i < p.length; i++) {
      if (p[i] == grouping && p[i - 1] == grouping) {
        error = "D3089";
      }
    }
    int optional = indexOf(parts.integer(), digit, 0);
    if (optional >= 0) {
      for (int i = 0; i < optional; i++) {
        if (isDigit(parts.integer()[i])) {
          error = "D3090";
        }
      }
    }
    int lastOptional = lastIndexOf(parts.fraction(), digit);
    if (lastOptional >= 0) {
      for (int i = lastOptional; i < parts.fraction().length; i++) {
        if (isDigit(parts.fraction()[i])) {
          error = "D3091";
        }
      }
    }
    int[] exp = parts.exponentPart();
    if (exp != null && exp.length > 0 && (count(p, percent) > 0 || count(p, perMille) > 0)) {
      error = "D3092";
    }
    if (exp != null) {
      boolean onlyDigits = exp.length > 0;
      for (int c : exp) {
        onlyDigits &= isDigit(c);
      }
      if (!onlyDigits) {
        error = "D3093";
      }
    }
    if (error != null) {
      throw new JException(error, -1);
    }
  }

  private String format(Number value, String picture) {
    int[] all = picture.codePoints().toArray();
    List<int[]> subPictures = new ArrayList<>(2);
    int start = 0;
    for (int i = 0; i <= all.length; i++) {
      if (i == all.length || all[i] == separator) {
        subPictures.add(slice(all, start, i));
        start = i + 1;
      }
    }
    if (subPictures.size() > 2) {
      throw new JException("D3080", -1);
    }
    List<Parts> parts = new ArrayList<>(2);
    for (int[] sub : subPictures) {
      Parts split = split(sub);
      validate(split);
      parts.add(split);
    }
    Parts positive = parts.get(0);
    int maxFraction = 0;
    for (int c : positive.fraction()) {
      if (isDigit(c) || c == digit) {
        maxFraction++;
      }
    }
    double d = value.doubleValue();
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setDecimalSeparator((char) decimal);
    symbols.setGroupingSeparator((char) grouping);
    symbols.setPercent((char) percent);
    symbols.setPerMill((char) perMille);
    symbols.setZeroDigit((char) zero);
    symbols.setMinusSign(minus.isEmpty() ? '-' : minus.charAt(0));
    symbols.setExponentSeparator(new String(Character.toChars(exponent)));
    symbols.setInfinity(infinity);
    symbols.setNaN(nan);
    StringBuilder pattern = new StringBuilder();
    pattern(positive, pattern);
    if (parts.size() == 2) {
      pattern.append(';');
      pattern(parts.get(1), pattern);
    }
    DecimalFormat format = new DecimalFormat(pattern.toString(), symbols);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    if (!Double.isFinite(d) || positive.exponentPart() != null) {
      return format.format(d);
    }
    // Section 4.7.4's sizes; DecimalFormat would print "0.5" for "#.##" where it means ".5".
    int minInteger = 0;
    for (int c : positive.integer()) {
      minInteger += isDigit(c) ? 1 : 0;
    }
    int minFraction = 0;
    for (int c : positive.fraction()) {
      minFraction += isDigit(c) ? 1 : 0;
    }
    if (minInteger == 0 && maxFraction == 0) {
      minInteger = 1;
    }
    if (minInteger == 0 && minFraction == 0) {
      minFraction = 1;
    }
    format.setMinimumIntegerDigits(minInteger);
    format.setMinimumFractionDigits(minFraction);
    // Round the shortest decimal form, as JSONata's $round does, then format it exactly.
    BigDecimal decimalValue = new BigDecimal(JsText.number(d));
    if (count(positive.picture(), percent) > 0) {
      decimalValue = decimalValue.movePointRight(2);
      format.setMultiplier(1);
    } else if (count(positive.picture(), perMille) > 0) {
      decimalValue = decimalValue.movePointRight(3);
      format.setMultiplier(1);
    }
    return format.format(decimalValue.setScale(maxFraction, RoundingMode.HALF_EVEN));
  }

  /** Writes a sub-picture in {@link DecimalFormat}'s pattern syntax, literal text quoted. */
  private void pattern(Parts parts, StringBuilder out) {
    literal(parts.prefix(), out);
    for (int c : parts.integer()) {
      out.append(isDigit(c) ? '0' : c == digit ? '#' : ',');
    }
    if (parts.fraction().length > 0 || indexOf(parts.mantissa(), decimal, 0) >= 0) {
      out.append('.');
      for (int c : parts.fraction()) {
        if (isDigit(c)) {
          out.append('0');
        } else if (c == digit) {
          out.append('#');
        }
      }
    }
    if (parts.exponentPart() != null) {
      out.append('E');
      for (int i = 0; i < parts.exponentPart().length; i++) {
        out.append('0');
      }
    }
    literal(parts.suffix(), out);
  }

  private void literal(int[] text, StringBuilder out) {
    StringBuilder quoted = new StringBuilder();
    for (int c : text) {
      if (c == percent || c == perMille) {
        if (!quoted.isEmpty()) {
          out.append('\'').append(quoted).append('\'');
          quoted.setLength(0);
        }
        out.append(c == percent ? '%' : '\u2030');
      } else if (c == '\'') {
        quoted.append("''");
      } else {
        quoted.appendCodePoint(c);
      }
    }
    if (!quoted.isEmpty()) {
      out.append('\'').append(quoted).append('\'');
    }
  }

  private static int[] slice(int[] a, int from, int to) {
    return java.util.Arrays.copyOfRange(a, from, Math.max(from, to));
  }

  private static int indexOf(int[] a, int c, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(int[] a, int c) {
    for (int i = a.length - 1; i >= 0; i--) {
      if (a[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int count(int[] a, int c) {
    int n = 0;
    for (int x : a) {
      if (x == c) {
        n++;
      }
    }
    return n;
  }
}
