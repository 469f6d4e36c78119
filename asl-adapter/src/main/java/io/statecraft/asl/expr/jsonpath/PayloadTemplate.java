package io.statecraft.asl.expr.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.Template;
import java.util.Objects;

/**
 * A compiled payload template of a JSONPath state: Parameters, ResultSelector, ItemSelector, Assign
 * or Credentials. Keys ending in {@code .$} (at any depth, in objects inside arrays too) take the
 * value of their path or intrinsic call, under the key without {@code .$}; everything else is
 * copied as written.
 *
 * <p>A path that selects nothing fails. AWS names that error {@code States.Runtime} in Pass states
 * (recorded: {@code scenarios.test_base_scenarios.test_invalid_jsonpath[...]}), while its error
 * reference defines {@code States.ParameterPathFailure} for a Parameters path that fails; {@link
 * #evaluate(EvaluationScope, StatesError)} lets the caller choose the name. Constant parts of the
 * template are shared between results; treat results as immutable.
 */
public final class PayloadTemplate implements Template {

  /** One node of the compiled template. */
  sealed interface Node permits Constant, Dynamic, ObjectTemplate, ArrayTemplate {}

  /** A value with no {@code .$} inside: reused as it is. */
  record Constant(JsonNode value) implements Node {}

  /** The value of a {@code key.$} field. */
  record Dynamic(String field, Expression expression) implements Node {}

  /** An object with at least one dynamic value below it. */
  record ObjectTemplate(String[] keys, Node[] values) implements Node {}

  /** An array with at least one dynamic value below it. */
  record ArrayTemplate(Node[] items) implements Node {}

  private final JsonNode source;
  private final Node root;

  PayloadTemplate(JsonNode source, Node root) {
    this.source = source;
    this.root = root;
  }

  @Override
  public JsonNode source() {
    return source;
  }

  /** Evaluates the template; a path that selects nothing fails with {@code States.Runtime}. */
  @Override
  public JsonNode evaluate(EvaluationScope scope) {
    return evaluate(scope, StatesError.RUNTIME);
  }

  /**
   * Evaluates the template; a path that selects nothing fails with the given error name, for
   * example {@code States.ParameterPathFailure}. Other failures keep their own names.
   */
  public JsonNode evaluate(EvaluationScope scope, StatesError pathNotFound) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(pathNotFound, "pathNotFound");
    return eval(root, scope, pathNotFound);
  }

  /** Whether the template has any {@code .$} field at all. */
  public boolean isConstant() {
    return root instanceof Constant;
  }

  private static JsonNode eval(Node node, EvaluationScope scope, StatesError pathNotFound) {
    return switch (node) {
      case Constant c -> c.value();
      case Dynamic d -> {
        JsonNode value = d.expression().evaluate(scope);
        if (value.isMissingNode()) {
          throw notFound(d, scope, pathNotFound);
        }
        yield value;
      }
      case ObjectTemplate o -> {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < o.keys().length; i++) {
          out.set(o.keys()[i], eval(o.values()[i], scope, pathNotFound));
        }
        yield out;
      }
      case ArrayTemplate a -> {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(a.items().length);
        for (Node item : a.items()) {
          out.add(eval(item, scope, pathNotFound));
        }
        yield out;
      }
    };
  }

  private static AslFailure notFound(Dynamic d, EvaluationScope scope, StatesError error) {
    return new AslFailure(error, JsonPathCompiler.notFoundCause(d.expression(), d.field(), scope));
  }
}
