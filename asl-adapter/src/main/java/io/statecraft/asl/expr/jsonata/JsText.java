package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JavaScript's text forms of JSONata values. AWS evaluates JSONata 2.0.6, the JavaScript reference
 * implementation, so error inserts ({@code JSON.stringify}) and {@code $string} must print numbers
 * and strings the way JavaScript does, not the way Java does.
 */
final class JsText {

  private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_UP);

  private JsText() {}

  /** {@code Number.prototype.toString()} of a finite double: shortest round-trip digits. */
  static String number(double d) {
    if (d == 0) {
      return "0";
    }
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d < 0) {
      return "-" + number(-d);
    }
    // Double.toString gives the shortest digits that round-trip (JDK 19+), the same digits
    // JavaScript picks; only the layout differs.
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (exact.precision() == 2) {
      // Java prints two digits where one would do when the two are closer to the value
      // (4.9E-324); JavaScript prints the shortest (5e-324).
      BigDecimal one = exact.round(new MathContext(1, RoundingMode.HALF_EVEN));
      if (one.doubleValue() == d) {
        exact = one.stripTrailingZeros();
      }
    }
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int n = exact.precision() - exact.scale();
    StringBuilder b = new StringBuilder(24);
    if (k <= n && n <= 21) {
      b.append(digits);
      b.repeat('0', n - k);
    } else if (0 < n && n <= 21) {
      b.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      b.append("0.");
      b.repeat('0', -n);
      b.append(digits);
    } else {
      int e = n - 1;
      b.append(digits.charAt(0));
      if (k > 1) {
        b.append('.').append(digits, 1, k);
      }
      b.append('e').append(e > 0 ? '+' : '-').append(Math.abs(e));
    }
    return b.toString();
  }

  /** The text of any JSONata number. */
  static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.toString();
    }
    if (n instanceof BigInteger bi) {
      return bi.toString();
    }
    return number(n.doubleValue());
  }

  /**
   * The number as {@code $string} prints it: JSONata rounds to 15 significant digits ({@code
   * Number(n.toPrecision(15))}) before printing, which hides binary noise such as {@code 0.1+0.2}.
   */
  static String number15(Number n) {
    double d = n.doubleValue();
    if (d == 0 || !Double.isFinite(d)) {
      return number(d);
    }
    return number(new BigDecimal(d).round(FIFTEEN_DIGITS).doubleValue());
  }

  /** {@code JSON.stringify(value)} as used for the inserts of JSONata's error messages. */
  static String stringify(Object value) {
    if (value == null) {
      return "undefined";
    }
    StringBuilder b = new StringBuilder();
    if (!write(b, value, false, false, "")) {
      return "undefined";
    }
    return b.toString();
  }

  /**
   * {@code $string(value, prettify)} for a non-string value: {@code JSON.stringify} with numbers
   * rounded to 15 significant digits, functions printed as empty strings and, when prettified, two
   * spaces of indentation.
   */
  static String jsonataString(Object value, boolean prettify) {
    StringBuilder b = new StringBuilder();
    if (!write(b, value, true, prettify, "")) {
      return "";
    }
    return b.toString();
  }

  private static boolean isFunction(Object v) {
    return Utils.isFunction(v)
        || v instanceof Pattern
        || v instanceof Jsonata.JLambda
        || isLambda(v);
  }

  private static boolean isLambda(Object v) {
    return com.dashjoin.jsonata.Functions.isLambda(v);
  }

  /** Writes {@code value}; answers false when JSON has no text for it (undefined). */
  private static boolean write(
      StringBuilder b, Object value, boolean jsonataString, boolean pretty, String indent) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      b.append("null");
      return true;
    }
    if (isFunction(value)) {
      if (jsonataString) {
        b.append("\"\"");
        return true;
      }
      return false;
    }
    if (value instanceof String s) {
      quote(s, b);
      return true;
    }
    if (value instanceof Boolean) {
      b.append(value);
      return true;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d) && !(n instanceof BigInteger) && !(n instanceof BigDecimal)) {
        b.append("null");
      } else {
        b.append(jsonataString ? number15(n) : number(n));
      }
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      writeObject(b, map, jsonataString, pretty, indent);
      return true;
    }
    if (value instanceof List<?> list) {
      writeArray(b, list, jsonataString, pretty, indent);
      return true;
    }
    quote(String.valueOf(value), b);
    return true;
  }

  private static void writeObject(
      StringBuilder b, Map<?, ?> map, boolean jsonataString, boolean pretty, String indent) {
    String inner = indent + "  ";
    b.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object v = e.getValue();
      if (!jsonataString && isFunction(v)) {
        continue; // JSON.stringify leaves out members whose value has no JSON text
      }
      if (!first) {
        b.append(',');
      }
      first = false;
      if (pretty) {
        b.append('\n').append(inner);
      }
      quote(String.valueOf(e.getKey()), b);
      b.append(pretty ? ": " : ":");
      write(b, v, jsonataString, pretty, inner);
    }
    if (pretty && !first) {
      b.append('\n').append(indent);
    }
    b.append('}');
  }

  private static void writeArray(
      StringBuilder b, List<?> list, boolean jsonataString, boolean pretty, String indent) {
    String inner = indent + "  ";
    b.append('[');
    boolean first = true;
    for (Object v : list) {
      if (!first) {
        b.append(',');
      }
      first = false;
      if (pretty) {
        b.append('\n').append(inner);
      }
      if (!write(b, v, jsonataString, pretty, inner)) {
        b.append("null"); // JSON.stringify writes null for array slots with no JSON text
      }
    }
    if (pretty && !first) {
      b.append('\n').append(indent);
    }
    b.append(']');
  }

  /** A JSON string literal as {@code JSON.stringify} writes it. */
  static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
            String hex = Integer.toHexString(c);
            b.append("\\u").repeat('0', 4 - hex.length()).append(hex);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** Well-formed JSON.stringify escapes lone surrogates only. */
  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
