package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;

/**
 * Argument checks shared by the functions at run time and by the parser for literal arguments.
 * Positions are 1-based, as in the messages.
 */
final class Args {

  private Args() {}

  static String string(IntrinsicFunction f, int position, JsonNode value) {
    if (!value.isTextual()) {
      throw typeError(f, position, "a string", value);
    }
    return value.textValue();
  }

  static ArrayNode array(IntrinsicFunction f, int position, JsonNode value) {
    if (!value.isArray()) {
      throw typeError(f, position, "an array", value);
    }
    return (ArrayNode) value;
  }

  static ObjectNode object(IntrinsicFunction f, int position, JsonNode value) {
    if (!value.isObject()) {
      throw typeError(f, position, "a JSON object", value);
    }
    return (ObjectNode) value;
  }

  static boolean bool(IntrinsicFunction f, int position, JsonNode value) {
    if (!value.isBoolean()) {
      throw typeError(f, position, "a boolean", value);
    }
    return value.booleanValue();
  }

  static JsonNode number(IntrinsicFunction f, int position, JsonNode value) {
    if (!value.isNumber()) {
      throw typeError(f, position, "a number", value);
    }
    return value;
  }

  /**
   * A number rounded to the nearest integer, as AWS documents for ArrayPartition, ArrayRange,
   * MathRandom and MathAdd. AWS rounds the way Java's {@code Math.round} does (halves towards
   * positive infinity): recorded in {@code test_math_operations.test_math_add}, where -1.5 + 0 is
   * -1 and 2.5 + 0 is 3. The result must fit a 32-bit integer, AWS's documented range for MathAdd.
   */
  static int roundedInt(IntrinsicFunction f, int position, JsonNode value) {
    double d = number(f, position, value).doubleValue();
    if (!(d >= Integer.MIN_VALUE - 0.5 && d < Integer.MAX_VALUE + 0.5)) {
      throw AwsCauses.intrinsicFailure(
          AwsCauses.invalidArgumentValue(
              f.functionName(),
              position,
              "must be an integer between "
                  + Integer.MIN_VALUE
                  + " and "
                  + Integer.MAX_VALUE
                  + ", but was "
                  + Json.numberText(value)));
    }
    return (int) Math.round(d);
  }

  /** A number that must hold an integer value (such as {@code 3} or {@code 3.0}). */
  static long integer(IntrinsicFunction f, int position, JsonNode value) {
    number(f, position, value);
    java.math.BigDecimal d = Json.decimal(value);
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw AwsCauses.intrinsicFailure(
          AwsCauses.invalidArgumentValue(
              f.functionName(), position, "must be an integer, but was " + Json.numberText(value)));
    }
  }

  static AslFailure typeError(IntrinsicFunction f, int position, String expected, JsonNode actual) {
    return AwsCauses.intrinsicFailure(
        AwsCauses.wrongArgumentType(f.functionName(), position, expected, actual));
  }

  static AslFailure valueError(IntrinsicFunction f, int position, String rule) {
    return AwsCauses.intrinsicFailure(
        AwsCauses.invalidArgumentValue(f.functionName(), position, rule));
  }
}
