package io.statecraft.asl.expr.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.ResultPathExpr;
import io.statecraft.asl.expr.intrinsic.AwsCauses;

/**
 * A compiled ResultPath. Applying it copies only the objects and arrays along the path (the rest of
 * the input is shared, never modified), creates missing intermediate objects, and replaces the
 * value at the last step.
 */
final class CompiledResultPath implements ResultPathExpr {

  private final String text;
  private final Step[] steps;

  private CompiledResultPath(String text, Step[] steps) {
    this.text = text;
    this.steps = steps;
  }

  static CompiledResultPath compile(String text) throws ExpressionException {
    CompiledPath path = CompiledPath.compile(text);
    if (path.root() != PathExpr.Root.INPUT) {
      throw PathSyntax.invalid(
          text,
          "a ResultPath must start with '$' and write into the state input, not "
              + (path.root() == PathExpr.Root.CONTEXT ? "the context object" : "a variable"));
    }
    if (!path.isReferencePath()) {
      throw PathSyntax.invalid(
          text,
          "a ResultPath must be a reference path (member names and array indexes only, no"
              + " wildcards, slices, unions, filters, deep scans or functions)");
    }
    return new CompiledResultPath(text, path.steps());
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public JsonNode apply(JsonNode input, JsonNode result) {
    JsonNode written = write(input, 0, result);
    if (written == null) {
      throw new AslFailure(
          StatesError.RESULT_PATH_MATCH_FAILURE, AwsCauses.resultPathMatchFailure(text, input));
    }
    return written;
  }

  /**
   * Writes result below node at steps[from..]; null when the path cannot be applied. A node that is
   * absent (Java null) is created as an object when a member step follows.
   */
  private JsonNode write(JsonNode node, int from, JsonNode result) {
    if (from == steps.length) {
      return result;
    }
    switch (steps[from]) {
      case Step.Field f -> {
        ObjectNode copy;
        JsonNode child;
        if (node == null || node.isMissingNode()) {
          copy = JsonNodeFactory.instance.objectNode();
          child = null;
        } else if (node.isObject()) {
          copy = JsonNodeFactory.instance.objectNode();
          copy.setAll((ObjectNode) node);
          child = node.get(f.name());
        } else {
          return null;
        }
        JsonNode value = write(child, from + 1, result);
        if (value == null) {
          return null;
        }
        copy.set(f.name(), value);
        return copy;
      }
      case Step.Index i -> {
        // Arrays are never created or extended: an index must name an existing element.
        if (node == null || !node.isArray()) {
          return null;
        }
        int at = i.index() < 0 ? node.size() + i.index() : i.index();
        if (at < 0 || at >= node.size()) {
          return null;
        }
        JsonNode value = write(node.get(at), from + 1, result);
        if (value == null) {
          return null;
        }
        ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(at, value);
        return copy;
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
