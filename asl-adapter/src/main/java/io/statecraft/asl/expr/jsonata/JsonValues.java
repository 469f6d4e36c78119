package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts between Jackson trees and the values the JSONata library works on: {@link Map} for
 * objects, {@link List} for arrays, {@link String}, {@link Boolean} and {@link Number}.
 *
 * <p>The library tells JSON {@code null} from "undefined" only at the top of a value: there JSON
 * null is {@link Jsonata#NULL_VALUE} and undefined is Java {@code null}; inside a map or a list
 * JSON null is Java {@code null} (a map key that is present with a null value reads back as JSON
 * null).
 *
 * <p>Numbers follow JavaScript, the language AWS evaluates JSONata in: every number is a double, so
 * an integral value is an integer whatever its JSON spelling ({@code 3.0} is {@code 3}) and an
 * integer too large for a double's 53-bit mantissa loses its low digits.
 */
final class JsonValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final double TWO_TO_63 = 9.223372036854775808E18;

  private JsonValues() {}

  /** A JSON value bound to a JSONata variable: JSON null is a value, a missing node undefined. */
  static Object toJsonata(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (node.isNull()) {
      return Jsonata.NULL_VALUE;
    }
    return inner(node);
  }

  private static Object inner(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          map.put(field.getKey(), inner(field.getValue()));
        }
        return map;
      }
      case ARRAY -> {
        JsonArray list = new JsonArray(node.size());
        for (JsonNode element : node) {
          list.add(element.isNull() ? Jsonata.NULL_VALUE : inner(element));
        }
        return list;
      }
      case STRING -> {
        return node.textValue();
      }
      case BOOLEAN -> {
        return node.booleanValue();
      }
      case NUMBER -> {
        return number(node);
      }
      case NULL, MISSING -> {
        return null;
      }
      default -> {
        // BINARY and POJO nodes do not come out of JSON text; read them as their text form.
        return node.asText();
      }
    }
  }

  /** A converted JSON array, which keeps its JSON nulls when the library tries to erase them. */
  static final class JsonArray extends ArrayList<Object> {
    JsonArray(int capacity) {
      super(capacity);
    }

    @Override
    public Object set(int index, Object element) {
      Object current = get(index);
      if (current == Jsonata.NULL_VALUE && element == null) {
        return current;
      }
      return super.set(index, element);
    }
  }

  /** A JSON number as the JavaScript number it denotes. */
  static Number number(JsonNode node) {
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isLong()) {
      return normalize(node.longValue());
    }
    if (node.isBigInteger() && node.canConvertToLong()) {
      return normalize(node.longValue());
    }
    return normalize(node.doubleValue());
  }

  /** The smallest boxed form of an integral value, as the library's own arithmetic produces. */
  static Number normalize(long value) {
    return value == (int) value ? (Number) (int) value : (Number) value;
  }

  /** A double as the library produces numbers: integral values within a long are integers. */
  static Number normalize(double value) {
    if (value % 1 == 0 && Math.abs(value) < TWO_TO_63) {
      return normalize((long) value);
    }
    return value;
  }

  /** Thrown when a result holds a value JSON cannot represent, such as a function. */
  static final class UnsupportedResult extends RuntimeException {
    UnsupportedResult() {
      super(null, null, false, false);
    }
  }

  /** Thrown when a result holds a number JSON cannot represent. */
  static final class NonFiniteResult extends RuntimeException {
    private final transient Object value;

    NonFiniteResult(Object value) {
      super(null, null, false, false);
      this.value = value;
    }

    Object value() {
      return value;
    }
  }

  /** A JSONata result (never undefined at the top) as a new JSON tree. */
  static JsonNode toJson(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Number n) {
      return numberNode(n);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        object.set(String.valueOf(e.getKey()), toJson(e.getValue()));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object element : list) {
        array.add(toJson(element));
      }
      return array;
    }
    throw new UnsupportedResult();
  }

  private static JsonNode numberNode(Number n) {
    if (n instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (n instanceof Long l) {
      return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
    }
    if (n instanceof BigInteger bi) {
      return NODES.numberNode(bi);
    }
    if (n instanceof BigDecimal bd) {
      return NODES.numberNode(bd);
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new NonFiniteResult(n);
    }
    Number normal = normalize(d);
    if (normal instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (normal instanceof Long l) {
      return NODES.numberNode(l);
    }
    return NODES.numberNode(d);
  }

  /** Whether the value is a function, which JSON cannot hold. */
  static boolean isFunction(Object value) {
    return Utils.isFunction(value)
        || Functions.isLambda(value)
        || value instanceof Pattern
        || value instanceof Jsonata.JLambda;
  }
}
