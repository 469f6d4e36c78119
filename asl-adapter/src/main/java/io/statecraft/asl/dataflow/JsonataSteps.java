package io.statecraft.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Template;
import java.util.Optional;

/**
 * The data-flow steps of a JSONata state: Arguments → (the state's work) → Output. A JSONata state
 * has no InputPath, Parameters, ResultSelector, ResultPath or OutputPath.
 *
 * <p>What {@code $states} holds is decided by the caller through the {@link EvaluationScope}:
 * {@code $states.input} is always the state's input; {@code $states.result} is set only where a
 * state has a result (Output and Assign of Task, Parallel and Map); {@code $states.errorOutput}
 * only in a Catch.
 */
public final class JsonataSteps {

  private JsonataSteps() {}

  /**
   * Arguments: the task's or branches' input. Absent, the state input passes unchanged ({@code
   * $states.input}).
   */
  public static JsonNode arguments(Optional<Template> arguments, EvaluationScope scope) {
    return arguments.isEmpty() ? scope.input() : arguments.get().evaluate(scope);
  }

  /**
   * Output: the state output. Absent, the output is {@code whenAbsent}: the result for Task,
   * Parallel and Map states, the input for the others.
   */
  public static JsonNode output(
      Optional<Template> output, EvaluationScope scope, JsonNode whenAbsent) {
    return output.isEmpty() ? whenAbsent : output.get().evaluate(scope);
  }
}
