package io.statecraft.asl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.ResultPathExpr;
import io.statecraft.asl.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Small stand-ins for the compiled expressions, so the core can be tested with models built by
 * hand: reference paths ({@code $.a.b[0]}, {@code $$.State.Name}, {@code $var.x}), ResultPaths,
 * JSONPath payload templates with {@code .$} keys, and JSONata expressions given as lambdas.
 */
public final class Fakes {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Fakes() {}

  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** A reference path. */
  public static PathExpr path(String text) {
    Root root;
    String variable = null;
    int i;
    if (text.startsWith("$$")) {
      root = Root.CONTEXT;
      i = 2;
    } else if (text.startsWith("$")) {
      int end = 1;
      while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
        end++;
      }
      if (end == 1) {
        root = Root.INPUT;
      } else {
        root = Root.VARIABLE;
        variable = text.substring(1, end);
      }
      i = end;
    } else {
      throw new IllegalArgumentException("not a path: " + text);
    }
    List<Object> steps = new ArrayList<>();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        steps.add(text.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int end = text.indexOf(']', i);
        String inner = text.substring(i + 1, end);
        if (inner.startsWith("'")) {
          steps.add(inner.substring(1, inner.length() - 1));
        } else {
          steps.add(Integer.parseInt(inner));
        }
        i = end + 1;
      } else {
        throw new IllegalArgumentException("not a reference path: " + text);
      }
    }
    String var = variable;
    return new PathExpr() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public Root root() {
        return switch (root) {
          case INPUT -> PathExpr.Root.INPUT;
          case CONTEXT -> PathExpr.Root.CONTEXT;
          case VARIABLE -> PathExpr.Root.VARIABLE;
        };
      }

      @Override
      public boolean isReferencePath() {
        return true;
      }

      @Override
      public JsonNode evaluate(EvaluationScope scope) {
        JsonNode node =
            switch (root) {
              case INPUT -> scope.input();
              case CONTEXT -> scope.context();
              case VARIABLE -> {
                JsonNode v = scope.variables().get(var);
                yield v == null ? MissingNode.getInstance() : v;
              }
            };
        for (Object step : steps) {
          if (node == null || node.isMissingNode()) {
            return MissingNode.getInstance();
          }
          node = step instanceof Integer idx ? node.path(idx) : node.path((String) step);
        }
        return node == null ? MissingNode.getInstance() : node;
      }

      @Override
      public String toString() {
        return text;
      }
    };
  }

  private enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  /** A ResultPath over {@code $}: {@code $.a.b} writes into a copy, creating objects on the way. */
  public static ResultPathExpr resultPath(String text) {
    if (!text.startsWith("$.")) {
      throw new IllegalArgumentException("only $.a.b ResultPaths are faked: " + text);
    }
    String[] names = text.substring(2).split("\\.");
    return new ResultPathExpr() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public JsonNode apply(JsonNode input, JsonNode result) {
        if (!input.isObject()) {
          throw new AslFailure(
              StatesError.RESULT_PATH_MATCH_FAILURE,
              "Unable to apply ResultPath \"" + text + "\" to input " + input);
        }
        ObjectNode copy = input.deepCopy();
        ObjectNode node = copy;
        for (int i = 0; i < names.length - 1; i++) {
          JsonNode next = node.get(names[i]);
          if (next == null) {
            next = node.putObject(names[i]);
          } else if (!next.isObject()) {
            throw new AslFailure(
                StatesError.RESULT_PATH_MATCH_FAILURE,
                "Unable to apply ResultPath \"" + text + "\" to input " + input);
          }
          node = (ObjectNode) next;
        }
        node.set(names[names.length - 1], result);
        return copy;
      }
    };
  }

  /** A JSONPath payload template: {@code "key.$": "$.path"} entries are looked up. */
  public static Template template(String source) {
    JsonNode tree = json(source);
    return new Template() {
      @Override
      public JsonNode source() {
        return tree;
      }

      @Override
      public JsonNode evaluate(EvaluationScope scope) {
        return fill(tree, scope);
      }
    };
  }

  private static JsonNode fill(JsonNode node, EvaluationScope scope) {
    if (node.isObject()) {
      ObjectNode out = JSON.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().endsWith(".$")) {
          String key = e.getKey().substring(0, e.getKey().length() - 2);
          JsonNode value = path(e.getValue().textValue()).evaluate(scope);
          if (value.isMissingNode()) {
            throw new AslFailure(
                StatesError.RUNTIME,
                "The JSONPath '"
                    + e.getValue().textValue()
                    + "' specified for the field '"
                    + e.getKey()
                    + "' could not be found in the input '"
                    + scope.input()
                    + "'");
          }
          out.set(key, value);
        } else {
          out.set(e.getKey(), fill(e.getValue(), scope));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.arrayNode();
      node.forEach(n -> out.add(fill(n, scope)));
      return out;
    }
    return node;
  }

  /** A JSONata expression computed by a lambda. */
  public static Expression jsonata(String text, Function<EvaluationScope, JsonNode> body) {
    return new Expression() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public JsonNode evaluate(EvaluationScope scope) {
        return body.apply(scope);
      }
    };
  }

  /** A JSONata template computed by a lambda. */
  public static Template jsonataTemplate(String source, Function<EvaluationScope, JsonNode> body) {
    JsonNode tree = JSON.textNode(source);
    return new Template() {
      @Override
      public JsonNode source() {
        return tree;
      }

      @Override
      public JsonNode evaluate(EvaluationScope scope) {
        return body.apply(scope);
      }
    };
  }
}
