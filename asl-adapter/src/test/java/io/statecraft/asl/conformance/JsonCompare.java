package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON equality as the corpus README defines it: object key order ignored, array order kept,
 * numbers by value ({@code 1}, {@code 1.0} and {@code 1e0} are equal), everything else exact; the
 * value at a skipped pointer is not compared, but the key or element must be there.
 */
public final class JsonCompare {

  private JsonCompare() {}

  /**
   * The first difference between {@code expected} and {@code actual}, as a message naming its JSON
   * pointer; {@code null} when they are equal.
   *
   * @param pointer the pointer of these values within the case's {@code expected} object
   * @param skipped the pointers whose values are not compared
   */
  public static String difference(
      JsonNode expected, JsonNode actual, String pointer, Set<String> skipped) {
    boolean actualMissing = actual == null || actual.isMissingNode();
    if (skipped.contains(pointer)) {
      return actualMissing ? pointer + ": expected a value, got none" : null;
    }
    if (actualMissing) {
      return pointer + ": expected " + expected + ", got none";
    }
    if (expected.isNumber() && actual.isNumber()) {
      return decimal(expected).compareTo(decimal(actual)) == 0
          ? null
          : pointer + ": expected " + expected + ", got " + actual;
    }
    if (expected.isObject() && actual.isObject()) {
      Set<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      Set<String> actualKeys = new TreeSet<>();
      actual.fieldNames().forEachRemaining(actualKeys::add);
      if (!keys.equals(actualKeys)) {
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(actualKeys);
        Set<String> extra = new TreeSet<>(actualKeys);
        extra.removeAll(keys);
        return pointer + ": keys differ (missing " + missing + ", unexpected " + extra + ")";
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String d =
            difference(
                e.getValue(), actual.get(e.getKey()), pointer + "/" + escape(e.getKey()), skipped);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return pointer
            + ": expected "
            + expected.size()
            + " elements, got "
            + actual.size()
            + " ("
            + abbreviate(actual)
            + ")";
      }
      for (int i = 0; i < expected.size(); i++) {
        String d = difference(expected.get(i), actual.get(i), pointer + "/" + i, skipped);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return expected.equals(actual)
        ? null
        : pointer + ": expected " + abbreviate(expected) + ", got " + abbreviate(actual);
  }

  private static BigDecimal decimal(JsonNode n) {
    if (n.isDouble() || n.isFloat()) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    if (n.isBigDecimal()) {
      return n.decimalValue();
    }
    return new BigDecimal(n.bigIntegerValue());
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
