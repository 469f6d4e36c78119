package io.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.statecraft.asl.port.Clock;
import io.statecraft.asl.port.Entropy;
import java.util.Objects;

/**
 * Everything an expression may read while it is evaluated.
 *
 * <p>For JSONPath, {@code $} is {@link #input()}, {@code $$} is {@link #context()} and {@code
 * $name} is a variable. The data-flow step decides what {@code $} is: the effective input for
 * Parameters, the task result for ResultSelector, and so on, by calling {@link #withInput}.
 *
 * <p>For JSONata, {@code $states.input}, {@code $states.result}, {@code $states.errorOutput} and
 * {@code $states.context} are bound from {@link #input()}, {@link #result()}, {@link
 * #errorOutput()} and {@link #context()}; a {@link MissingNode} means "not available here".
 *
 * @param input the current document ({@code $}, or {@code $states.input})
 * @param context the context object ({@code $$}, or {@code $states.context})
 * @param variables the visible workflow variables
 * @param clock the time source for {@code $now()}, {@code $millis()} and timestamps
 * @param entropy the randomness source for UUIDs and random numbers
 * @param result the task or state result ({@code $states.result}), or missing
 * @param errorOutput the error output in a Catch ({@code $states.errorOutput}), or missing
 */
public record EvaluationScope(
    JsonNode input,
    JsonNode context,
    Variables variables,
    Clock clock,
    Entropy entropy,
    JsonNode result,
    JsonNode errorOutput) {

  public EvaluationScope {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(entropy, "entropy");
    result = result == null ? MissingNode.getInstance() : result;
    errorOutput = errorOutput == null ? MissingNode.getInstance() : errorOutput;
  }

  public static EvaluationScope of(
      JsonNode input, JsonNode context, Variables variables, Clock clock, Entropy entropy) {
    return new EvaluationScope(input, context, variables, clock, entropy, null, null);
  }

  public EvaluationScope withInput(JsonNode newInput) {
    return new EvaluationScope(newInput, context, variables, clock, entropy, result, errorOutput);
  }

  public EvaluationScope withResult(JsonNode newResult) {
    return new EvaluationScope(input, context, variables, clock, entropy, newResult, errorOutput);
  }

  public EvaluationScope withErrorOutput(JsonNode newErrorOutput) {
    return new EvaluationScope(input, context, variables, clock, entropy, result, newErrorOutput);
  }

  public EvaluationScope withContext(JsonNode newContext) {
    return new EvaluationScope(input, newContext, variables, clock, entropy, result, errorOutput);
  }

  public EvaluationScope withVariables(Variables newVariables) {
    return new EvaluationScope(input, context, newVariables, clock, entropy, result, errorOutput);
  }
}
