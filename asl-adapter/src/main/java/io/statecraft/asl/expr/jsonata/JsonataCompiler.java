package io.statecraft.asl.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles JSONata expressions and JSON templates that hold {@code {% ... %}} strings, once, when
 * the definition is read.
 *
 * <p>AWS: "When a string in the value of an ASL field, a JSON object field, or a JSON array element
 * is surrounded by {% %} characters, that string will be evaluated as JSONata. Note, the string
 * must start with {% with no leading spaces, and must end with %} with no trailing spaces." So
 * {@code " {% $x %}"} and {@code "price {% $x %}"} are literal strings; whitespace inside the
 * delimiters is part of the expression and ignored by JSONata; object keys are never expressions.
 */
public final class JsonataCompiler {

  private static final String OPEN = "{%";
  private static final String CLOSE = "%}";

  private JsonataCompiler() {}

  /** Whether the value is a string of the form {@code {% ... %}}. */
  public static boolean isExpression(JsonNode value) {
    return value != null && value.isTextual() && isExpression(value.textValue());
  }

  /** Whether the string is of the form {@code {% ... %}}. */
  public static boolean isExpression(String s) {
    return s != null && s.length() >= 4 && s.startsWith(OPEN) && s.endsWith(CLOSE);
  }

  /** The expression of a {@code {% ... %}} string: what is between the delimiters, trimmed. */
  public static String body(String jsonataString) {
    if (!isExpression(jsonataString)) {
      throw new IllegalArgumentException("Not a {% %} string: " + jsonataString);
    }
    return jsonataString.substring(2, jsonataString.length() - 2).trim();
  }

  /**
   * The body of a {@code {% ... %}} string, without the delimiters. Error causes name no field;
   * prefer {@link #expression(String, String)}.
   *
   * @throws ExpressionException {@code INVALID_JSONATA} with JSONata's message ({@code Unexpected
   *     end of expression}) when it does not parse; {@code UNSUPPORTED_JSONATA} when it reads the
   *     input document at its top level ({@code Reference to 'total' at the top level is not
   *     supported.}), which Step Functions expressions do not have
   */
  public static Expression expression(String body) throws ExpressionException {
    return expression(body, "");
  }

  /**
   * The body of a {@code {% ... %}} string, whose error causes name {@code field} ({@code Items},
   * {@code Seconds}, {@code Condition}, ...).
   */
  public static JsonataExpression expression(String body, String field) throws ExpressionException {
    if (body == null) {
      throw new ExpressionException(
          ExpressionException.Kind.INVALID_JSONATA, "Unexpected end of expression");
    }
    return new JsonataExpression(CompiledJsonata.compile(body.trim()), field);
  }

  /** Any JSON value in which {@code {% ... %}} strings, at any depth, are evaluated. */
  public static Template template(JsonNode source) throws ExpressionException {
    return template(source, "");
  }

  /**
   * Any JSON value in which {@code {% ... %}} strings, at any depth, are evaluated; error causes
   * name {@code field} and the path below it ({@code Output/result}).
   *
   * @throws ExpressionException for the first expression that does not compile; {@link #problems}
   *     lists them all with their locations
   */
  public static JsonataTemplate template(JsonNode source, String field) throws ExpressionException {
    if (source == null) {
      throw new IllegalArgumentException("A template needs a JSON value");
    }
    Set<String> statesFields = new LinkedHashSet<>();
    boolean[] wholeStates = {false};
    JsonataTemplate.Node root = compile(source, "", statesFields, wholeStates);
    return new JsonataTemplate(source, root, field, statesFields, wholeStates[0]);
  }

  private static JsonataTemplate.Node compile(
      JsonNode node, String path, Set<String> statesFields, boolean[] wholeStates)
      throws ExpressionException {
    if (isExpression(node)) {
      JsonataExpression e = expression(body(node.textValue()), "");
      statesFields.addAll(e.statesFields());
      wholeStates[0] |= e.readsWholeStates();
      return new JsonataTemplate.Leaf(e, path);
    }
    if (node.isObject()) {
      List<String> keys = new ArrayList<>(node.size());
      List<JsonataTemplate.Node> values = new ArrayList<>(node.size());
      boolean literal = true;
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        JsonataTemplate.Node value =
            compile(f.getValue(), path + "/" + f.getKey(), statesFields, wholeStates);
        literal &= value instanceof JsonataTemplate.Literal;
        keys.add(f.getKey());
        values.add(value);
      }
      return literal
          ? new JsonataTemplate.Literal(node)
          : new JsonataTemplate.ObjectPart(List.copyOf(keys), List.copyOf(values));
    }
    if (node.isArray()) {
      List<JsonataTemplate.Node> items = new ArrayList<>(node.size());
      boolean literal = true;
      for (int i = 0; i < node.size(); i++) {
        JsonataTemplate.Node item =
            compile(node.get(i), path + "[" + i + "]", statesFields, wholeStates);
        literal &= item instanceof JsonataTemplate.Literal;
        items.add(item);
      }
      return literal
          ? new JsonataTemplate.Literal(node)
          : new JsonataTemplate.ArrayPart(List.copyOf(items));
    }
    return new JsonataTemplate.Literal(node);
  }

  /**
   * A {@code {% %}} string that does not compile.
   *
   * @param pointer where it is inside the value, as an RFC 6901 JSON pointer ({@code ""} for the
   *     value itself, {@code /Payload/items/0})
   * @param error why
   */
  public record Problem(String pointer, ExpressionException error) {}

  /**
   * Every {@code {% %}} string in {@code source} that does not compile, in document order, so that
   * a validator can report them all at once.
   */
  public static List<Problem> problems(JsonNode source) {
    List<Problem> out = new ArrayList<>();
    collectProblems(source, "", out);
    return out;
  }

  private static void collectProblems(JsonNode node, String pointer, List<Problem> out) {
    if (node == null) {
      return;
    }
    if (isExpression(node)) {
      try {
        expression(body(node.textValue()), "");
      } catch (ExpressionException e) {
        out.add(new Problem(pointer, e));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        collectProblems(f.getValue(), pointer + "/" + escape(f.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectProblems(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
