package io.statecraft.asl.expr.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.jayway.jsonpath.JsonPath;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.intrinsic.AwsCauses;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A compiled JSONPath path. Reference paths ({@code $.a.b[2]['c d']}) are walked step by step
 * without Jayway; every other path is evaluated by Jayway.
 *
 * <p>A definite path answers the selected node, or {@link MissingNode} when it selects nothing (a
 * present JSON {@code null} is a {@code NullNode}). An indefinite path (wildcard, slice, union,
 * filter, deep scan) answers an array of its matches, possibly empty, as AWS does: recorded in
 * {@code base.test_base.test_json_path_array_wildcard_or_slice_with_no_input[...]}, where {@code
 * $.items[*]} over {@code {}} gives {@code []}.
 *
 * <p>Results share structure with the document they were read from; treat them as immutable.
 */
public final class CompiledPath implements PathExpr {

  private final String text;
  private final Root root;
  private final String variable;
  private final Step[] steps; // null when Jayway evaluates the path
  private final JsonPath jayway; // null when the steps do
  private final PathSyntax.Projection projection; // a [*] the steps can walk, or null
  private final boolean definite;
  private final boolean callsFunctions;

  /** A function call anywhere in the path, such as {@code .length()} or {@code .append(1)}. */
  private static final Pattern FUNCTION_CALL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*\\(");

  private CompiledPath(
      String text,
      Root root,
      String variable,
      List<Step> steps,
      JsonPath jayway,
      PathSyntax.Projection projection) {
    this.text = text;
    this.root = root;
    this.variable = variable;
    this.steps = steps == null ? null : steps.toArray(Step[]::new);
    this.jayway = jayway;
    this.projection = projection;
    this.definite = steps != null || Jayway.isDefinite(jayway);
    this.callsFunctions = jayway != null && FUNCTION_CALL.matcher(text).find();
  }

  static CompiledPath compile(String text) throws ExpressionException {
    PathSyntax.Parsed parsed = PathSyntax.parse(text);
    if (parsed.steps() != null) {
      return new CompiledPath(text, parsed.root(), parsed.variable(), parsed.steps(), null, null);
    }
    JsonPath jayway = Jayway.compile(text, "$" + parsed.rest());
    return new CompiledPath(
        text,
        parsed.root(),
        parsed.variable(),
        null,
        jayway,
        PathSyntax.projection(text, parsed.rest()));
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public Root root() {
    return root;
  }

  /** The variable a {@code $name} path reads, or empty for {@code $} and {@code $$} paths. */
  public Optional<String> variable() {
    return Optional.ofNullable(variable);
  }

  /** Plain member names and array indexes only: the path can identify only a single node. */
  @Override
  public boolean isReferencePath() {
    return steps != null;
  }

  /**
   * Whether the path yields a single node (or nothing). Indefinite paths yield an array of matches.
   */
  public boolean isDefinite() {
    return definite;
  }

  /** The path in bracket notation, for example {@code $['a'][0]}, as AWS quotes it in causes. */
  public String normalizedPath() {
    if (steps == null) {
      return jayway.getPath();
    }
    StringBuilder out = new StringBuilder("$");
    for (Step step : steps) {
      switch (step) {
        case Step.Field f -> out.append("['").append(f.name()).append("']");
        case Step.Index i -> out.append('[').append(i.index()).append(']');
      }
    }
    return out.toString();
  }

  /**
   * The document the path reads: the input for {@code $}, the context object for {@code $$}, the
   * variable's value for {@code $name} (missing when no such variable is visible).
   */
  public JsonNode document(EvaluationScope scope) {
    return switch (root) {
      case INPUT -> scope.input();
      case CONTEXT -> scope.context();
      case VARIABLE -> {
        JsonNode value = scope.variables().get(variable);
        yield value == null ? MissingNode.getInstance() : value;
      }
    };
  }

  /**
   * Evaluates the path. A path over the input fails with {@code States.Runtime} when the input is
   * {@code null}: a public report shows AWS failing a Task state with {@code null} input this way
   * while evaluating {@code "Input.$": "$"}.
   */
  @Override
  public JsonNode evaluate(EvaluationScope scope) {
    JsonNode document = document(scope);
    if (root == Root.INPUT && (document.isNull() || document.isMissingNode())) {
      throw new AslFailure(StatesError.RUNTIME, AwsCauses.pathOnNullInput());
    }
    if (document.isMissingNode()) {
      return document; // an undefined variable: nothing to select
    }
    return select(document);
  }

  /** Applies the path to a given document, whatever the root says. */
  public JsonNode select(JsonNode document) {
    if (projection != null) {
      JsonNode projected = project(document);
      if (projected != null) {
        return projected;
      }
    }
    if (steps == null) {
      // Some of Jayway's functions change the document they read (append() adds to the array in
      // place), so a path that calls functions reads a copy: the caller's document never changes.
      return Jayway.read(jayway, text, callsFunctions ? document.deepCopy() : document);
    }
    JsonNode node = walk(steps, document);
    return node == null ? MissingNode.getInstance() : node;
  }

  /** The node the steps lead to from {@code document}, or {@code null} when there is none. */
  private static JsonNode walk(Step[] steps, JsonNode document) {
    JsonNode node = document;
    for (Step step : steps) {
      node =
          switch (step) {
            case Step.Field f -> node.isObject() ? node.get(f.name()) : null;
            case Step.Index i -> {
              if (!node.isArray()) {
                yield null;
              }
              int at = i.index() < 0 ? node.size() + i.index() : i.index();
              yield at >= 0 && at < node.size() ? node.get(at) : null;
            }
          };
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * A {@code [*]} over an array followed by member names ({@code $.items[*].sku}), walked without
   * Jayway, which spends most of such a read building path strings and re-wrapping each value.
   * Answers what Jayway answers: no match when the path before {@code [*]} selects nothing, and
   * elements skipped where a member is missing or a value is not an object. Returns {@code null},
   * leaving the read to Jayway, where the node is not an array (Jayway walks an object's values) or
   * a match is a kind of number Jayway would re-type.
   */
  private JsonNode project(JsonNode document) {
    JsonNode node = walk(projection.prefix(), document);
    if (node == null) {
      return Jayway.MAPPER.createArrayNode();
    }
    if (!node.isArray()) {
      return null;
    }
    ArrayNode matches = Jayway.MAPPER.createArrayNode();
    for (int i = 0, n = node.size(); i < n; i++) {
      JsonNode value = node.get(i);
      for (String name : projection.members()) {
        value = value.isObject() ? value.get(name) : null;
        if (value == null) {
          break;
        }
      }
      if (value == null) {
        continue;
      }
      if (!(value.isContainerNode()
          || value.isTextual()
          || value.isInt()
          || value.isLong()
          || value.isDouble()
          || value.isBoolean()
          || value.isNull())) {
        return null;
      }
      matches.add(value);
    }
    return matches;
  }

  Step[] steps() {
    return steps;
  }

  @Override
  public String toString() {
    return text;
  }
}
