package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.dataflow.Payloads;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.jsonpath.JsonPathCompiler;
import io.statecraft.asl.model.ValueSource;

/**
 * Resolves fields that are either written in the definition or computed at run time
 * (TimeoutSecondsPath, SecondsPath, ToleratedFailureCountPath, JSONata fields, …), with AWS's
 * errors: {@code States.Runtime} in JSONPath states, {@code States.QueryEvaluationError} in JSONata
 * states.
 */
final class FieldValues {

  private FieldValues() {}

  /** The value of the field; a dynamic value that selects nothing is an error. */
  static JsonNode resolve(ValueSource source, EvaluationScope scope) {
    return switch (source) {
      case ValueSource.Literal l -> l.value();
      case ValueSource.Dynamic d -> {
        JsonNode value = Fields.named(d.expression(), d.field()).evaluate(scope);
        if (value == null || value.isMissingNode()) {
          throw isJsonata(d)
              ? new AslFailure(
                  StatesError.QUERY_EVALUATION_ERROR,
                  "The JSONata expression '"
                      + d.expression().text()
                      + "' specified for the field '"
                      + d.field()
                      + "' returned nothing (undefined).")
              : new AslFailure(
                  StatesError.RUNTIME,
                  JsonPathCompiler.notFoundCause(d.expression(), d.field(), scope));
        }
        yield value;
      }
    };
  }

  /** Whether the field was written as a JSONata expression rather than a path or a literal. */
  static boolean isJsonata(ValueSource source) {
    return source instanceof ValueSource.Dynamic d && isJsonata(d);
  }

  private static boolean isJsonata(ValueSource.Dynamic d) {
    return !d.field().endsWith("Path");
  }

  /**
   * An integer field. {@code kind} names the expected type in messages ({@code integer}); the
   * bounds are checked by the caller, whose messages differ per field.
   */
  static long integer(ValueSource source, EvaluationScope scope, String fieldName) {
    JsonNode value = resolve(source, scope);
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    // A JSONPath field parses the text of a string, as the corpus shows ("1" is a valid count).
    if (value.isTextual() && !isJsonata(source)) {
      try {
        return Long.parseLong(value.textValue());
      } catch (NumberFormatException e) {
        // falls through to the type error
      }
    }
    throw typeError(source, fieldName, value, "integer");
  }

  /** A number field (integer or decimal). */
  static double number(ValueSource source, EvaluationScope scope, String fieldName) {
    JsonNode value = resolve(source, scope);
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual() && !isJsonata(source)) {
      try {
        double parsed = Double.parseDouble(value.textValue());
        if (Double.isFinite(parsed)) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // falls through to the type error
      }
    }
    throw typeError(source, fieldName, value, "float");
  }

  /** A string field. */
  static String string(ValueSource source, EvaluationScope scope, String fieldName) {
    JsonNode value = resolve(source, scope);
    if (value.isTextual()) {
      return value.textValue();
    }
    throw typeError(source, fieldName, value, "string");
  }

  /** The error for a value of the wrong type, in the field's language. */
  static AslFailure typeError(ValueSource source, String fieldName, JsonNode value, String kind) {
    if (source instanceof ValueSource.Dynamic d) {
      if (isJsonata(d)) {
        return new AslFailure(
            StatesError.QUERY_EVALUATION_ERROR,
            "The JSONata expression '"
                + d.expression().text()
                + "' specified for the field '"
                + d.field()
                + "' returned an unexpected result type. Expected '"
                + (kind.equals("float") ? "number" : kind)
                + "', but was '"
                + ChoiceEvaluator.jsonType(value)
                + "' for value: "
                + Payloads.compact(value));
      }
      return new AslFailure(
          StatesError.RUNTIME,
          "The "
              + d.field()
              + " field refers to value \""
              + display(value)
              + "\" which is not a valid "
              + kind
              + ": "
              + d.expression().text());
    }
    return new AslFailure(
        StatesError.RUNTIME,
        "The "
            + fieldName
            + " field has the value "
            + display(value)
            + ", which is not a valid "
            + kind
            + ".");
  }

  /** A value as AWS quotes it in messages: strings bare, everything else as JSON. */
  static String display(JsonNode value) {
    return value.isTextual() ? value.textValue() : Payloads.compact(value);
  }

  /** The error name for a field's evaluation problem: by the language the field is written in. */
  static StatesError errorFor(ValueSource source) {
    return isJsonata(source) ? StatesError.QUERY_EVALUATION_ERROR : StatesError.RUNTIME;
  }
}
