package io.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled JSON template: Parameters, ResultSelector, ItemSelector and Assign in JSONPath states
 * (keys ending in {@code .$} take a path or an intrinsic call), or Arguments, Output, Assign and
 * other fields in JSONata states (strings of the form {@code {% expr %}} are evaluated). Compiled
 * once when the definition is read.
 */
public interface Template {

  /** The template as written in the definition. */
  JsonNode source();

  /** Evaluates the template into a new JSON value; failures throw {@code AslFailure}. */
  JsonNode evaluate(EvaluationScope scope);
}
