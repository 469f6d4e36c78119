package io.statecraft.asl.expr.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.ResultPathExpr;
import io.statecraft.asl.expr.Template;

/** Compiles the JSONPath query language's expressions: paths, ResultPaths and payload templates. */
public final class JsonPathCompiler {

  private JsonPathCompiler() {}

  /** A path starting with {@code $}, {@code $$} or {@code $name}. */
  public static PathExpr path(String text) throws ExpressionException {
    throw new UnsupportedOperationException("JSONPath paths are not compiled yet: " + text);
  }

  /** A ResultPath: a reference path into the state input ({@code $} or below). */
  public static ResultPathExpr resultPath(String text) throws ExpressionException {
    throw new UnsupportedOperationException("ResultPath is not compiled yet: " + text);
  }

  /**
   * The value of a {@code "key.$"} field, or of ErrorPath/CausePath: a path or an intrinsic
   * function call.
   */
  public static Expression pathOrIntrinsic(String text) throws ExpressionException {
    throw new UnsupportedOperationException("dynamic values are not compiled yet: " + text);
  }

  /** A payload template (Parameters, ResultSelector, ItemSelector, Assign in JSONPath states). */
  public static Template template(JsonNode source) throws ExpressionException {
    throw new UnsupportedOperationException("payload templates are not compiled yet");
  }
}
