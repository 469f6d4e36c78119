package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.jsonata.JsonataCompiler;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.ValueSource;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Fields whose value is written in the definition or computed at run time: a literal, its {@code
 * ...Path} twin in JSONPath states, or a {@code {% %}} expression in JSONata states.
 */
final class Literals {

  private Literals() {}

  /** Checks a literal value, reporting at the field when it is not acceptable. */
  @FunctionalInterface
  interface Rule {
    /**
     * @param orExpression whether a JSONata expression would also have been accepted, for the
     *     wording of the message
     */
    boolean accepts(Obj o, String field, JsonNode value, boolean orExpression);
  }

  static Rule integer(long min, long max) {
    return number(true, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
  }

  static Rule integerAtLeast(long min) {
    return number(true, BigDecimal.valueOf(min), null);
  }

  static Rule decimal(String min, String max) {
    return number(false, new BigDecimal(min), max == null ? null : new BigDecimal(max));
  }

  private static Rule number(boolean integer, BigDecimal min, BigDecimal max) {
    return (o, field, value, orExpression) -> {
      if (!value.isNumber()) {
        o.typeError(
            field,
            (integer ? "an integer" : "a number")
                + (orExpression ? " or a JSONata expression ({% ... %})" : ""));
        return false;
      }
      return o.checkNumber(field, value, integer, min, max);
    };
  }

  static final Rule STRING =
      (o, field, value, orExpression) -> {
        if (!value.isTextual()) {
          o.typeError(field, "a string");
          return false;
        }
        return true;
      };

  static final Rule TIMESTAMP =
      (o, field, value, orExpression) -> {
        if (!value.isTextual() || !Timestamps.isValid(value.textValue())) {
          o.typeError(
              field,
              "a timestamp in RFC 3339 format, such as 2016-03-14T01:59:00Z"
                  + (orExpression ? ", or a JSONata expression ({% ... %})" : ""));
          return false;
        }
        return true;
      };

  /**
   * Reads a field that a JSONPath state may write as a literal or as its {@code ...Path} twin, and
   * a JSONata state as a literal or a {@code {% %}} expression. Problems are reported; the answer
   * is then empty.
   *
   * @param pathField the JSONPath twin, or {@code null} when there is none
   */
  static Optional<ValueSource> read(
      Obj o,
      QueryLanguage language,
      String field,
      String pathField,
      Rule rule,
      Expressions.PathKind pathKind) {
    if (language == QueryLanguage.JSONPATH) {
      if (pathField != null && !o.atMostOne(field, pathField)) {
        return Optional.empty();
      }
      if (pathField != null && o.has(pathField)) {
        String text = o.string(pathField);
        if (text == null) {
          return Optional.empty();
        }
        PathExpr path = Expressions.path(o.cx, pathField, text, o.at(pathField), pathKind);
        return path == null
            ? Optional.empty()
            : Optional.of(new ValueSource.Dynamic(pathField, path));
      }
      if (o.has(field)) {
        JsonNode value = o.get(field);
        return rule.accepts(o, field, value, false)
            ? Optional.of(new ValueSource.Literal(value))
            : Optional.empty();
      }
      return Optional.empty();
    }
    if (!o.has(field)) {
      return Optional.empty();
    }
    JsonNode value = o.get(field);
    if (JsonataCompiler.isExpression(value)) {
      Expression expression =
          Expressions.jsonata(
              o.cx, field, value.textValue(), o.at(field), Expressions.StatesScope.PLAIN);
      return expression == null
          ? Optional.empty()
          : Optional.of(new ValueSource.Dynamic(field, expression));
    }
    return rule.accepts(o, field, value, true)
        ? Optional.of(new ValueSource.Literal(value))
        : Optional.empty();
  }
}
