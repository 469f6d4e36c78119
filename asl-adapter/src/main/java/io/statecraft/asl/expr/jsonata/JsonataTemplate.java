package io.statecraft.asl.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Template;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON value in which every string of the form {@code {% ... %}}, at any depth, is a JSONata
 * expression: Arguments, Output, Assign, ItemSelector, Items and the other JSONata-valued fields.
 * Object keys and all other values are literal.
 *
 * <p>AWS: "In any field that accepts JSONata, if its value, or any value nested inside a JSON
 * object or array, is a JSONata string, the interpreter evaluates the JSONata expression and then
 * replaces it with the result." An expression that yields undefined fails the state with {@code
 * States.QueryEvaluationError}, naming the field with the path to the value inside it: {@code
 * Output/result}, {@code Arguments/x/y}, {@code Items[1]}.
 *
 * <p>All expressions of one evaluation share one {@link Evaluation}: {@code $states} and the
 * variables are converted once, and {@code $now()} agrees across them.
 */
public final class JsonataTemplate implements Template {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A compiled part of the template. */
  sealed interface Node permits Literal, Leaf, ObjectPart, ArrayPart {}

  /** A value without expressions; containers are copied on every evaluation. */
  record Literal(JsonNode value) implements Node {}

  /** A JSONata string; {@code path} is where it sits below the template's field. */
  record Leaf(JsonataExpression expression, String path) implements Node {}

  record ObjectPart(List<String> keys, List<Node> values) implements Node {}

  record ArrayPart(List<Node> items) implements Node {}

  private final JsonNode source;
  private final Node root;
  private final String field;
  private final Set<String> statesFields;
  private final boolean wholeStates;

  JsonataTemplate(
      JsonNode source, Node root, String field, Set<String> statesFields, boolean wholeStates) {
    this.source = source;
    this.root = root;
    this.field = field == null ? "" : field;
    this.statesFields = Set.copyOf(statesFields);
    this.wholeStates = wholeStates;
  }

  /** The template as written in the definition. */
  @Override
  public JsonNode source() {
    return source;
  }

  /** The field AWS names in error causes ({@code Output}, {@code Assign}, ...), or empty. */
  public String field() {
    return field;
  }

  /** The same compiled template, naming {@code field} in its error causes. */
  public JsonataTemplate withField(String field) {
    return Objects.equals(this.field, field)
        ? this
        : new JsonataTemplate(source, root, field, statesFields, wholeStates);
  }

  /** Whether the template holds no expression, so that it always evaluates to its source. */
  public boolean isLiteral() {
    return root instanceof Literal;
  }

  /** The fields of {@code $states} its expressions read by name. */
  public Set<String> statesFields() {
    return statesFields;
  }

  /** Whether one of its expressions uses {@code $states} as a whole. */
  public boolean readsWholeStates() {
    return wholeStates;
  }

  /**
   * Evaluates the template into a new JSON value.
   *
   * @throws AslFailure {@code States.QueryEvaluationError} when an expression fails, yields
   *     undefined or yields something JSON cannot hold
   */
  @Override
  public JsonNode evaluate(EvaluationScope scope) {
    if (root instanceof Literal literal) {
      return literal.value().deepCopy();
    }
    return evaluate(root, new Evaluation(scope));
  }

  private JsonNode evaluate(Node node, Evaluation evaluation) {
    return switch (node) {
      case Literal literal -> literal.value().deepCopy();
      case Leaf leaf -> {
        JsonNode value = leaf.expression().evaluate(evaluation, field, leaf.path());
        if (value.isMissingNode()) {
          throw JsonataErrors.failure(
              JsonataErrors.returnedNothing(
                  leaf.expression().text(), JsonataExpression.label(field, leaf.path())));
        }
        yield value;
      }
      case ObjectPart object -> {
        ObjectNode out = NODES.objectNode();
        for (int i = 0; i < object.keys().size(); i++) {
          out.set(object.keys().get(i), evaluate(object.values().get(i), evaluation));
        }
        yield out;
      }
      case ArrayPart array -> {
        ArrayNode out = NODES.arrayNode(array.items().size());
        for (Node item : array.items()) {
          out.add(evaluate(item, evaluation));
        }
        yield out;
      }
    };
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
