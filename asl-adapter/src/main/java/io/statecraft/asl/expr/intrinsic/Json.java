package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** JSON helpers shared by the intrinsic functions and the cause texts. */
final class Json {

  /**
   * Never reconfigured after construction, so sharing it is safe. Text after the first value is an
   * error, so that {@code "1 2"} is not read as {@code 1}.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final int ABBREVIATE_AT = 200;

  private Json() {}

  /** Compact JSON text, as AWS quotes documents in causes. A missing value renders as null. */
  static String compact(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "null";
    }
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // Jackson cannot fail on a tree it built itself; keep a readable fallback all the same.
      return node.toString();
    }
  }

  /** The JSON type name used in messages. */
  static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case ARRAY -> "array";
      case OBJECT, POJO -> "object";
      case BINARY -> "binary";
      case MISSING -> "nothing";
    };
  }

  static String abbreviated(JsonNode node) {
    return abbreviate(compact(node));
  }

  static String abbreviate(String text) {
    return text.length() <= ABBREVIATE_AT ? text : text.substring(0, ABBREVIATE_AT) + "...";
  }

  /**
   * JSON equality with numbers compared by value, so that {@code 1} and {@code 1.0} are equal.
   * Object members compare regardless of order.
   */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !sameValue(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * A text that is equal for two values exactly when {@link #sameValue} holds: numbers by value,
   * object members sorted by name.
   */
  static String canonicalKey(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendCanonical(out, node);
    return out.toString();
  }

  private static void appendCanonical(StringBuilder out, JsonNode node) {
    switch (node.getNodeType()) {
      case NUMBER -> {
        BigDecimal d = decimal(node);
        out.append('n').append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
      }
      case ARRAY -> {
        out.append('[');
        for (JsonNode item : node) {
          appendCanonical(out, item);
          out.append(',');
        }
        out.append(']');
      }
      case OBJECT -> {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          sorted.put(e.getKey(), e.getValue());
        }
        out.append('{');
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
          out.append(compact(Json.NODES.textNode(e.getKey()))).append(':');
          appendCanonical(out, e.getValue());
          out.append(',');
        }
        out.append('}');
      }
      default -> out.append(compact(node));
    }
  }

  static BigDecimal decimal(JsonNode number) {
    if (number.isBigDecimal()) {
      return number.decimalValue();
    }
    if (number.isIntegralNumber()) {
      return new BigDecimal(number.bigIntegerValue());
    }
    double d = number.doubleValue();
    // NaN and infinities do not occur in parsed JSON; compare them by their double value anyway.
    return Double.isFinite(d) ? BigDecimal.valueOf(d) : BigDecimal.valueOf(Double.MAX_VALUE);
  }

  /**
   * The text States.Format substitutes for a value. AWS renders values the way Java renders the
   * objects it parsed them into: strings as they are, numbers as Java prints them, objects as
   * {@code {key=value, ...}} and arrays as {@code [a, b]}. Recorded: {@code
   * test_generic.test_format_2} shows {@code {Arg1=1, Arg2=[]}} for an object argument.
   */
  static String formatText(JsonNode value) {
    StringBuilder out = new StringBuilder();
    appendFormatText(out, value);
    return out.toString();
  }

  private static void appendFormatText(StringBuilder out, JsonNode value) {
    JsonNodeType type = value.getNodeType();
    switch (type) {
      case STRING -> out.append(value.textValue());
      case NUMBER -> out.append(numberText(value));
      case BOOLEAN -> out.append(value.booleanValue());
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < value.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          appendFormatText(out, value.get(i));
        }
        out.append(']');
      }
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          if (!first) {
            out.append(", ");
          }
          first = false;
          out.append(e.getKey()).append('=');
          appendFormatText(out, e.getValue());
        }
        out.append('}');
      }
      case NULL, MISSING -> out.append("null");
      case BINARY, POJO -> out.append(value.asText());
    }
  }

  /** A number as Java prints the boxed value Jackson parses it into. */
  static String numberText(JsonNode number) {
    if (number.isIntegralNumber()) {
      return number.bigIntegerValue().toString();
    }
    return Double.toString(number.doubleValue());
  }
}
