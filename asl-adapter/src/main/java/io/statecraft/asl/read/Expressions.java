package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.ResultPathExpr;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.expr.jsonata.JsonataCompiler;
import io.statecraft.asl.expr.jsonata.JsonataExpression;
import io.statecraft.asl.expr.jsonata.JsonataTemplate;
import io.statecraft.asl.expr.jsonpath.JsonPathCompiler;
import io.statecraft.asl.validate.DiagnosticCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compiles the paths, intrinsic calls, JSONata expressions and templates of a definition, each
 * exactly once, and turns every compilation error into a diagnostic at the field's location.
 */
final class Expressions {

  /** How much of JSONPath a path field accepts. */
  enum PathKind {
    /** Any path, including wildcards and filters (InputPath, OutputPath, Variable, ...). */
    ANY,
    /** A reference path: one node at most; the context object allowed. */
    REFERENCE,
    /** A reference path into the input or a variable, not into the context object. */
    REFERENCE_NO_CONTEXT
  }

  private static final Pattern INTRINSIC_CALL =
      Pattern.compile("States\\.[A-Za-z0-9]+\\(.*\\)", Pattern.DOTALL);

  private Expressions() {}

  /** Whether a string looks like a JSONPath path or an intrinsic function call. */
  static boolean looksDynamic(String text) {
    return text.equals("$")
        || text.startsWith("$.")
        || text.startsWith("$[")
        || text.startsWith("$$")
        || INTRINSIC_CALL.matcher(text).matches();
  }

  static PathExpr path(ReadContext cx, String field, String text, String location, PathKind kind) {
    PathExpr path;
    try {
      path = JsonPathCompiler.path(text);
    } catch (ExpressionException e) {
      report(
          cx,
          e,
          "The value for the field '" + field + "' must be a valid JSONPath: " + e.getMessage(),
          location);
      return null;
    } catch (RuntimeException e) {
      internal(cx, DiagnosticCode.SCHEMA_VALIDATION_FAILED, field, e, location);
      return null;
    }
    if (kind != PathKind.ANY && !path.isReferencePath()) {
      cx.schema("Value is not a Reference Path", location);
      return null;
    }
    if (kind == PathKind.REFERENCE_NO_CONTEXT && path.root() == PathExpr.Root.CONTEXT) {
      cx.schema(
          "Value is not a Reference Path: the context object ($$) cannot be used in '"
              + field
              + "'",
          location);
      return null;
    }
    return path;
  }

  static ResultPathExpr resultPath(ReadContext cx, String field, String text, String location) {
    try {
      return JsonPathCompiler.resultPath(text);
    } catch (ExpressionException e) {
      report(
          cx,
          e,
          "The value for the field '"
              + field
              + "' must be a valid Reference Path: "
              + e.getMessage(),
          location);
    } catch (RuntimeException e) {
      internal(cx, DiagnosticCode.SCHEMA_VALIDATION_FAILED, field, e, location);
    }
    return null;
  }

  static Expression pathOrIntrinsic(ReadContext cx, String field, String text, String location) {
    try {
      return JsonPathCompiler.pathOrIntrinsic(text);
    } catch (ExpressionException e) {
      report(cx, e, dynamicMessage(field, e), location);
    } catch (RuntimeException e) {
      internal(cx, DiagnosticCode.SCHEMA_VALIDATION_FAILED, field, e, location);
    }
    return null;
  }

  /**
   * The {@code $states} fields an expression may read where it is written: {@code input} and {@code
   * context} everywhere, {@code result} only in the Output and Assign of a state that has a result
   * (Task, Parallel, Map), {@code errorOutput} only in a catcher's Output and Assign.
   */
  enum StatesScope {
    PLAIN(List.of("input", "context")),
    RESULT(List.of("input", "context", "result")),
    ERROR_OUTPUT(List.of("input", "context", "errorOutput"));

    private final List<String> available;

    StatesScope(List<String> available) {
      this.available = available;
    }

    boolean allows(String field) {
      return available.contains(field);
    }
  }

  /** A JSONata expression written as {@code {% ... %}}. */
  static Expression jsonata(
      ReadContext cx, String field, String text, String location, StatesScope scope) {
    JsonataExpression expression;
    try {
      expression = JsonataCompiler.expression(JsonataCompiler.body(text), field);
    } catch (ExpressionException e) {
      report(cx, e, e.getMessage(), location);
      return null;
    } catch (RuntimeException e) {
      internal(cx, DiagnosticCode.INVALID_JSONATA_EXPRESSION, field, e, location);
      return null;
    }
    return unavailableStates(cx, expression.statesFields(), scope, location) ? null : expression;
  }

  // Sorted, so that the diagnostics come in the same order on every run.
  private static boolean unavailableStates(
      ReadContext cx, Set<String> read, StatesScope scope, String location) {
    boolean any = false;
    for (String name : new TreeSet<>(read)) {
      if (!scope.allows(name)) {
        cx.error(
            DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION,
            "Field '$states." + name + "' does not exist.",
            location);
        any = true;
      }
    }
    return any;
  }

  /**
   * A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, ...). Keys
   * ending in {@code .$} must hold a path or an intrinsic call.
   */
  static Template jsonPathTemplate(ReadContext cx, String field, JsonNode source, String at) {
    int mark = cx.mark();
    checkDynamicKeys(cx, source, at);
    if (cx.failedSince(mark)) {
      return null;
    }
    try {
      return JsonPathCompiler.template(source);
    } catch (ExpressionException e) {
      // Compile the dynamic values one by one so that each problem is reported where it is.
      locateJsonPathErrors(cx, source, at);
      if (!cx.failedSince(mark)) {
        report(cx, e, "The field '" + field + "' is not a valid template: " + e.getMessage(), at);
      }
    } catch (RuntimeException e) {
      internal(cx, DiagnosticCode.SCHEMA_VALIDATION_FAILED, field, e, at);
    }
    return null;
  }

  /** A JSONata template: any JSON value in which {@code {% %}} strings are evaluated. */
  static Template jsonataTemplate(
      ReadContext cx, String field, JsonNode source, String at, StatesScope scope) {
    JsonataTemplate template;
    try {
      template = JsonataCompiler.template(source, field);
      if (template.statesFields().stream().allMatch(scope::allows)) {
        return template;
      }
    } catch (ExpressionException e) {
      // Reported below, with every other problem of the template.
    } catch (RuntimeException e) {
      internal(cx, DiagnosticCode.INVALID_JSONATA_EXPRESSION, field, e, at);
      return null;
    }
    // Compile the expressions one by one so that each problem, whether it does not parse or
    // reads what is not there, is reported where it is.
    locateJsonataProblems(cx, field, source, at, scope);
    return null;
  }

  /** Whether any string in the value, at any depth, is a {@code {% %}} expression. */
  static boolean hasJsonata(JsonNode value) {
    if (JsonataCompiler.isExpression(value)) {
      return true;
    }
    for (JsonNode child : value) {
      if (hasJsonata(child)) {
        return true;
      }
    }
    return false;
  }

  private static void checkDynamicKeys(ReadContext cx, JsonNode node, String at) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String key = e.getKey();
        JsonNode value = e.getValue();
        String location = Pointer.child(at, key);
        if (key.endsWith(Fields.DYNAMIC_SUFFIX)) {
          if (!value.isTextual()) {
            cx.schema(
                "The value for the field '"
                    + key
                    + "' must be a STRING that contains a JSONPath or an intrinsic function call",
                location);
          }
        } else if (value.isTextual() && looksDynamic(value.textValue())) {
          cx.warning(
              DiagnosticCode.NO_DOLLAR,
              "The value of the field '"
                  + key
                  + "' looks like a JSONPath or an intrinsic function call, but it is used as a"
                  + " literal string because the field name does not end in '.$'",
              location);
        } else {
          checkDynamicKeys(cx, value, location);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkDynamicKeys(cx, node.get(i), Pointer.child(at, i));
      }
    }
  }

  private static void locateJsonPathErrors(ReadContext cx, JsonNode node, String at) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String location = Pointer.child(at, e.getKey());
        if (e.getKey().endsWith(Fields.DYNAMIC_SUFFIX) && e.getValue().isTextual()) {
          pathOrIntrinsic(cx, e.getKey(), e.getValue().textValue(), location);
        } else {
          locateJsonPathErrors(cx, e.getValue(), location);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        locateJsonPathErrors(cx, node.get(i), Pointer.child(at, i));
      }
    }
  }

  private static void locateJsonataProblems(
      ReadContext cx, String field, JsonNode node, String at, StatesScope scope) {
    if (JsonataCompiler.isExpression(node)) {
      jsonata(cx, field, node.textValue(), at, scope);
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        locateJsonataProblems(cx, field, e.getValue(), Pointer.child(at, e.getKey()), scope);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        locateJsonataProblems(cx, field, node.get(i), Pointer.child(at, i), scope);
      }
    }
  }

  private static String dynamicMessage(String field, ExpressionException e) {
    return "The value for the field '"
        + field
        + "' must be a valid JSONPath or a valid intrinsic function call: "
        + e.getMessage();
  }

  private static void report(
      ReadContext cx, ExpressionException e, String message, String location) {
    DiagnosticCode code =
        switch (e.kind()) {
          case INVALID_PATH, INVALID_INTRINSIC -> DiagnosticCode.SCHEMA_VALIDATION_FAILED;
          case INVALID_JSONATA -> DiagnosticCode.INVALID_JSONATA_EXPRESSION;
          case UNSUPPORTED_JSONATA -> DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION;
        };
    cx.error(code, message, location);
  }

  // A compiler that throws anything but ExpressionException has a bug; the definition still gets
  // a diagnostic rather than a crash.
  private static void internal(
      ReadContext cx, DiagnosticCode code, String field, RuntimeException e, String location) {
    cx.error(
        code,
        "The value for the field '"
            + field
            + "' could not be compiled: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        location);
  }
}
