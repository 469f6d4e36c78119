package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.Template;
import java.util.Objects;

/**
 * A JSONata template used where the model holds an {@link Expression}: a Map {@code Items} array
 * with {@code {% %}} strings among its elements is evaluated element by element.
 */
record TemplateExpression(Template template) implements Expression {

  TemplateExpression {
    Objects.requireNonNull(template, "template");
  }

  @Override
  public String text() {
    return template.source().toString();
  }

  @Override
  public JsonNode evaluate(EvaluationScope scope) {
    return template.evaluate(scope);
  }
}
