package io.statecraft.asl.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;

/**
 * The causes AWS gives for {@code States.QueryEvaluationError}, so that every caller words them
 * alike. Each is the part of the cause after the interpreter's prefix ("An error occurred while
 * executing the state 'X' (entered at the event id #N). "); a field is the path AWS names, such as
 * {@code Output}, {@code Assign/result} or {@code Arguments/x/y}. An empty field leaves out the
 * "specified for the field" clause.
 */
public final class JsonataErrors {

  private JsonataErrors() {}

  /** {@code The JSONata expression '<expression>' specified for the field '<field>'}. */
  public static String subject(String expression, String field) {
    StringBuilder b = new StringBuilder(expression.length() + 64);
    b.append("The JSONata expression '").append(expression).append('\'');
    if (field != null && !field.isEmpty()) {
      b.append(" specified for the field '").append(field).append('\'');
    }
    return b.toString();
  }

  /** The expression evaluated to undefined, which JSON cannot represent. */
  public static String returnedNothing(String expression, String field) {
    return subject(expression, field) + " returned nothing (undefined).";
  }

  /** The expression evaluated to something JSON cannot represent, such as a function. */
  public static String unsupportedResultType(String expression, String field) {
    return subject(expression, field) + " returned an unsupported result type.";
  }

  /**
   * The expression evaluated to a JSON value of a type the field does not accept, for example
   * {@code Expected 'array', but was 'boolean' for value: true} for a Map's {@code Items}.
   *
   * @param expected the JSON type the field accepts, as {@link #typeName} names types
   */
  public static String unexpectedResultType(
      String expression, String field, String expected, JsonNode value) {
    return subject(expression, field)
        + " returned an unexpected result type. Expected '"
        + expected
        + "', but was '"
        + typeName(value)
        + "' for value: "
        + value;
  }

  /** The expression failed; {@code detail} is the JSONata error, such as {@code ". T1006: ..."}. */
  static String threw(String expression, String field, String detail) {
    return subject(expression, field) + " threw an error during evaluation" + detail;
  }

  /** The library failed in a way that says nothing about the expression. */
  static String internal(String expression, String field) {
    return subject(expression, field) + " threw an internal error during evaluation.";
  }

  /** The JSON type of a value: array, object, string, number, boolean or null. */
  public static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The failure for a cause built by this class. */
  public static AslFailure failure(String cause) {
    return new AslFailure(StatesError.QUERY_EVALUATION_ERROR, cause);
  }
}
