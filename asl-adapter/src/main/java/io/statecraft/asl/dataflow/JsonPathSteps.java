package io.statecraft.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.expr.jsonpath.JsonPathCompiler;
import io.statecraft.asl.model.PathSpec;
import io.statecraft.asl.model.ResultPathSpec;
import java.util.Optional;

/**
 * The data-flow steps of a JSONPath state, each a pure function over JSON: InputPath → Parameters →
 * (the state's work) → ResultSelector → ResultPath → OutputPath.
 *
 * <p>None of them changes its arguments; each returns a new value or one of its arguments.
 */
public final class JsonPathSteps {

  private JsonPathSteps() {}

  /**
   * InputPath: "selects which parts of the JSON state input to pass to the task". Absent or {@code
   * $} passes the whole input; {@code null} passes {@code {}}; a path that selects nothing fails
   * with {@code States.Runtime}.
   */
  public static JsonNode inputPath(PathSpec spec, JsonNode rawInput, EvaluationScope scope) {
    return select(spec, rawInput, scope);
  }

  /**
   * OutputPath: "selects which parts of the state output to pass to the next state"; the same rules
   * as InputPath.
   */
  public static JsonNode outputPath(PathSpec spec, JsonNode output, EvaluationScope scope) {
    return select(spec, output, scope);
  }

  /**
   * Parameters, ResultSelector or ItemSelector: when present, the template is evaluated with {@code
   * $} bound to {@code document}; when absent, the document passes unchanged.
   */
  public static JsonNode payload(
      Optional<Template> template, JsonNode document, EvaluationScope scope) {
    if (template.isEmpty()) {
      return document;
    }
    return template.get().evaluate(scope.withInput(document));
  }

  /**
   * ResultPath: absent or {@code $} makes the result the output; {@code null} discards the result
   * and passes the raw state input; a reference path writes the result into a copy of the raw input
   * ({@code States.ResultPathMatchFailure} when that is impossible).
   */
  public static JsonNode resultPath(ResultPathSpec spec, JsonNode rawInput, JsonNode result) {
    return switch (spec) {
      case ResultPathSpec.Replace r -> result;
      case ResultPathSpec.Discard d -> rawInput;
      case ResultPathSpec.Write w -> w.path().apply(rawInput, result);
    };
  }

  private static JsonNode select(PathSpec spec, JsonNode document, EvaluationScope scope) {
    return switch (spec) {
      case PathSpec.Identity i -> document;
      case PathSpec.Empty e -> JsonNodeFactory.instance.objectNode();
      case PathSpec.Select s -> {
        JsonNode selected = s.path().evaluate(scope.withInput(document));
        if (selected == null || selected.isMissingNode()) {
          throw noResults(s.path());
        }
        yield selected;
      }
    };
  }

  /** {@code States.Runtime} for a path that selects nothing, in AWS's words. */
  public static AslFailure noResults(PathExpr path) {
    return new AslFailure(StatesError.RUNTIME, JsonPathCompiler.noResultsCause(path));
  }
}
