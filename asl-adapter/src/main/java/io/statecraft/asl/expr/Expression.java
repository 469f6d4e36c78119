package io.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled expression that yields one JSON value: a JSONPath path ({@code $.a}, {@code $$.State},
 * {@code $var.b}), an intrinsic call ({@code States.Format(...)}) or a JSONata expression (the body
 * of a {@code {% ... %}} string). Compiled once when the definition is read.
 */
public interface Expression {

  /** The expression as written in the definition. */
  String text();

  /**
   * Evaluates the expression. A path that selects nothing answers {@link
   * com.fasterxml.jackson.databind.node.MissingNode}; the caller decides whether that is an error,
   * because the error differs by field. Failures that are errors whatever the field (an intrinsic
   * called with bad arguments, a JSONata evaluation error) throw {@link
   * io.statecraft.asl.error.AslFailure}.
   */
  JsonNode evaluate(EvaluationScope scope);
}
