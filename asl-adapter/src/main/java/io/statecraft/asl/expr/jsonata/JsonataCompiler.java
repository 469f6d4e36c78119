package io.statecraft.asl.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.Template;

/** Compiles JSONata expressions and JSON templates that hold {@code {% ... %}} strings. */
public final class JsonataCompiler {

  private JsonataCompiler() {}

  /** Whether the value is a string of the form {@code {% ... %}}. */
  public static boolean isExpression(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return false;
    }
    String s = value.textValue();
    return s.startsWith("{%") && s.endsWith("%}") && s.length() >= 4;
  }

  /** The body of a {@code {% ... %}} string, without the delimiters. */
  public static Expression expression(String body) throws ExpressionException {
    throw new UnsupportedOperationException("JSONata is not compiled yet: " + body);
  }

  /** Any JSON value in which {@code {% ... %}} strings, at any depth, are evaluated. */
  public static Template template(JsonNode source) throws ExpressionException {
    throw new UnsupportedOperationException("JSONata templates are not compiled yet");
  }
}
