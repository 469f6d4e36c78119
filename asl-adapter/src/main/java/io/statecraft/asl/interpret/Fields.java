package io.statecraft.asl.interpret;

import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.expr.jsonata.JsonataExpression;
import io.statecraft.asl.expr.jsonata.JsonataTemplate;
import java.util.Optional;

/**
 * Names the field a JSONata template or expression is evaluated for, so its error causes say where
 * it failed as AWS does ({@code specified for the field 'Output/result'}). A field the reader
 * already named keeps its name.
 */
final class Fields {

  private Fields() {}

  static Template named(Template template, String field) {
    if (template instanceof JsonataTemplate t && t.field().isEmpty()) {
      return t.withField(field);
    }
    return template;
  }

  static Optional<Template> named(Optional<Template> template, String field) {
    return template.map(t -> named(t, field));
  }

  static Expression named(Expression expression, String field) {
    if (expression instanceof JsonataExpression e && e.field().isEmpty()) {
      return e.withField(field);
    }
    return expression;
  }
}
