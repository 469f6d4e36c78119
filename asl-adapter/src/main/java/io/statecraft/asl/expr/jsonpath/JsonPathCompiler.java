package io.statecraft.asl.expr.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.ResultPathExpr;
import io.statecraft.asl.expr.intrinsic.AwsCauses;
import io.statecraft.asl.expr.intrinsic.IntrinsicParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the JSONPath query language's expressions: paths, ResultPaths, the values of {@code .$}
 * fields and payload templates. Everything is compiled once, when the definition is read; compile
 * errors are {@link ExpressionException}s that say what is wrong.
 */
public final class JsonPathCompiler {

  /** The suffix that marks a field whose value is a path or an intrinsic call. */
  public static final String DYNAMIC_SUFFIX = ".$";

  private JsonPathCompiler() {}

  /**
   * A path starting with {@code $} (the input), {@code $$} (the context object) or {@code $name} (a
   * variable): AWS's JSONPath dialect with dot and bracket notation, quoted names, indexes,
   * wildcards, slices, unions, filters, deep scans and Jayway's functions.
   *
   * @throws ExpressionException ({@code INVALID_PATH}) when the path does not compile
   */
  public static CompiledPath path(String text) throws ExpressionException {
    return CompiledPath.compile(text);
  }

  /**
   * A ResultPath: a reference path into the state input ({@code $} or below). ResultPath {@code
   * null} (discard) is not a path; the reader handles it.
   *
   * @throws ExpressionException ({@code INVALID_PATH}) when it is not a reference path over {@code
   *     $}
   */
  public static ResultPathExpr resultPath(String text) throws ExpressionException {
    return CompiledResultPath.compile(text);
  }

  /**
   * The value of a {@code "key.$"} field, or of ErrorPath/CausePath: a path (starting with {@code
   * $}) or an intrinsic function call (starting with {@code States.}).
   *
   * @throws ExpressionException ({@code INVALID_PATH} or {@code INVALID_INTRINSIC})
   */
  public static Expression pathOrIntrinsic(String text) throws ExpressionException {
    if (text == null) {
      throw new ExpressionException(
          ExpressionException.Kind.INVALID_PATH, "a path or intrinsic function call is missing");
    }
    if (text.startsWith("$")) {
      return path(text);
    }
    if (IntrinsicParser.looksLikeCall(text)) {
      return IntrinsicParser.parse(text, JsonPathCompiler::path);
    }
    throw new ExpressionException(
        ExpressionException.Kind.INVALID_PATH,
        "'"
            + text
            + "' is neither a path (starting with '$') nor an intrinsic function call (starting"
            + " with 'States.')");
  }

  /**
   * A payload template (Parameters, ResultSelector, ItemSelector, Assign or Credentials in JSONPath
   * states).
   *
   * @throws ExpressionException when a {@code .$} value is not a string, does not compile, or two
   *     keys would be the same once {@code .$} is removed
   */
  public static PayloadTemplate template(JsonNode source) throws ExpressionException {
    if (source == null) {
      throw new ExpressionException(
          ExpressionException.Kind.INVALID_PATH, "a payload template is missing");
    }
    return new PayloadTemplate(source, compileNode(source, ""));
  }

  /** Whether a template key takes a path or an intrinsic call. */
  public static boolean isDynamicKey(String key) {
    return key.endsWith(DYNAMIC_SUFFIX);
  }

  /**
   * The cause AWS gives when InputPath or OutputPath selects nothing, for example {@code Invalid
   * path '$.a' : No results for path: $['a']}.
   */
  public static String noResultsCause(PathExpr path) {
    String normalized =
        path instanceof CompiledPath compiled ? compiled.normalizedPath() : path.text();
    return AwsCauses.invalidPath(path.text(), normalized);
  }

  /**
   * The cause AWS gives when the path of a field selects nothing, for example {@code The JSONPath
   * '$.a' specified for the field 'value.$' could not be found in the input '{"b":1}'}. Used for
   * {@code .$} fields and for Fail's ErrorPath and CausePath; the document quoted is the one the
   * path reads ({@code $$} quotes the context object).
   *
   * @param expression the compiled path (or call) of the field
   * @param field the field as written, for example {@code value.$} or {@code CausePath}
   */
  public static String notFoundCause(Expression expression, String field, EvaluationScope scope) {
    if (expression instanceof CompiledPath path) {
      if (path.root() == PathExpr.Root.VARIABLE
          && scope.variables().get(path.variable().orElseThrow()) == null) {
        return AwsCauses.undefinedVariable(path.text(), field, path.variable().orElseThrow());
      }
      return AwsCauses.fieldPathNotFound(path.text(), field, path.document(scope));
    }
    // Intrinsic calls never answer "missing"; another kind of expression is reported alike.
    return AwsCauses.fieldPathNotFound(expression.text(), field, scope.input());
  }

  private static PayloadTemplate.Node compileNode(JsonNode node, String where)
      throws ExpressionException {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      List<PayloadTemplate.Node> values = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      boolean dynamic = false;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        JsonNode value = field.getValue();
        String outKey = key;
        PayloadTemplate.Node compiled;
        if (isDynamicKey(key)) {
          outKey = key.substring(0, key.length() - DYNAMIC_SUFFIX.length());
          if (!value.isTextual()) {
            throw new ExpressionException(
                ExpressionException.Kind.INVALID_PATH,
                "The value of the field '"
                    + where
                    + key
                    + "' must be a string holding a path or an intrinsic function call, but is "
                    + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
          }
          try {
            compiled = new PayloadTemplate.Dynamic(key, pathOrIntrinsic(value.textValue()));
          } catch (ExpressionException e) {
            throw new ExpressionException(
                e.kind(), "In the field '" + where + key + "': " + e.getMessage(), e);
          }
          dynamic = true;
        } else {
          compiled = compileNode(value, where + key + "/");
          dynamic |= !(compiled instanceof PayloadTemplate.Constant);
        }
        if (!seen.add(outKey)) {
          throw new ExpressionException(
              ExpressionException.Kind.INVALID_PATH,
              "The fields '"
                  + where
                  + outKey
                  + "' and '"
                  + where
                  + outKey
                  + DYNAMIC_SUFFIX
                  + "' would both produce the key '"
                  + outKey
                  + "'");
        }
        keys.add(outKey);
        values.add(compiled);
      }
      if (!dynamic) {
        return new PayloadTemplate.Constant(node);
      }
      return new PayloadTemplate.ObjectTemplate(
          keys.toArray(String[]::new), values.toArray(PayloadTemplate.Node[]::new));
    }
    if (node.isArray()) {
      List<PayloadTemplate.Node> items = new ArrayList<>();
      boolean dynamic = false;
      for (int i = 0; i < node.size(); i++) {
        PayloadTemplate.Node compiled = compileNode(node.get(i), where + i + "/");
        dynamic |= !(compiled instanceof PayloadTemplate.Constant);
        items.add(compiled);
      }
      if (!dynamic) {
        return new PayloadTemplate.Constant(node);
      }
      return new PayloadTemplate.ArrayTemplate(items.toArray(PayloadTemplate.Node[]::new));
    }
    return new PayloadTemplate.Constant(node);
  }
}
