package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.expr.jsonata.JsonataCompiler;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.choice.Choice;
import io.statecraft.asl.model.choice.ChoiceRule;
import io.statecraft.asl.model.choice.ComparisonOperator;
import io.statecraft.asl.model.state.ChoiceState;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.validate.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code "Type": "Choice"} and its rules. */
final class ChoiceReader {

  private ChoiceReader() {}

  static State read(StateSite s) {
    Obj o = s.o();
    ReadContext cx = s.cx();
    int mark = cx.mark();
    String comment = s.comment();
    List<Choice> choices = new ArrayList<>();
    ArrayNode array = o.array(Fields.CHOICES);
    if (array == null && !o.has(Fields.CHOICES)) {
      o.required(Fields.CHOICES);
    } else if (array != null && array.isEmpty()) {
      cx.schema("The field 'Choices' should be non-empty", o.at(Fields.CHOICES));
    } else if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        Obj r = o.element(Fields.CHOICES, array, i);
        if (r != null) {
          Choice choice = choice(r, s.language());
          if (choice != null) {
            choices.add(choice);
          }
        }
      }
    }
    String defaultState = o.string(Fields.DEFAULT);
    DataFlow dataFlow = Common.dataFlow(o, s.language(), Common.DataFlowKind.INPUT_OUTPUT);
    Optional<Template> assign = Common.assign(o, s.language());
    if (cx.failedSince(mark)) {
      return null;
    }
    return new ChoiceState(
        s.name(),
        comment,
        s.language(),
        choices,
        Optional.ofNullable(defaultState),
        dataFlow,
        assign);
  }

  private static Choice choice(Obj r, QueryLanguage language) {
    int mark = r.cx.mark();
    r.checkFields(Schemas.CHOICE_RULE, language);
    ChoiceRule rule = language == QueryLanguage.JSONATA ? condition(r) : rule(r, false);
    String next = r.requiredString(Fields.NEXT);
    Optional<Template> assign = Common.assign(r, language);
    Optional<Template> output =
        language == QueryLanguage.JSONATA
            ? Common.template(r, Fields.OUTPUT, language, Common.TemplateShape.ANY)
            : Optional.empty();
    String comment = r.string(Fields.COMMENT);
    if (r.cx.failedSince(mark)) {
      return null;
    }
    return new Choice(rule, next, assign, output, comment);
  }

  /** A JSONata rule: {@code Condition}, a boolean or a {@code {% %}} expression. */
  private static ChoiceRule condition(Obj r) {
    JsonNode condition = r.require(Fields.CONDITION);
    if (condition == null) {
      return null;
    }
    if (condition.isBoolean()) {
      return new ChoiceRule.Condition(condition, null);
    }
    if (JsonataCompiler.isExpression(condition)) {
      Expression expression =
          Expressions.jsonata(
              r.cx,
              Fields.CONDITION,
              condition.textValue(),
              r.at(Fields.CONDITION),
              Expressions.StatesScope.PLAIN);
      return expression == null ? null : new ChoiceRule.Condition(null, expression);
    }
    r.typeError(Fields.CONDITION, "a boolean or a JSONata expression ({% ... %})");
    return null;
  }

  /**
   * A JSONPath rule: And, Or, Not, or a comparison of {@code Variable} with one operator.
   *
   * @param nested whether the rule is inside And, Or or Not (its fields are then checked here)
   */
  private static ChoiceRule rule(Obj r, boolean nested) {
    if (nested) {
      r.checkFields(Schemas.NESTED_RULE, QueryLanguage.JSONPATH);
    }
    List<String> kinds = new ArrayList<>();
    for (String f : List.of(Fields.AND, Fields.OR, Fields.NOT)) {
      if (r.has(f)) {
        kinds.add(f);
      }
    }
    List<ComparisonOperator> operators = new ArrayList<>();
    for (String name : r.fieldNames()) {
      ComparisonOperator.byAslName(name).ifPresent(operators::add);
    }
    boolean comparison = r.has(Fields.VARIABLE) || !operators.isEmpty();
    if (kinds.size() + (comparison ? 1 : 0) > 1) {
      List<String> present = new ArrayList<>(kinds);
      if (comparison) {
        present.add(Fields.VARIABLE);
      }
      r.cx.schema(
          "There should only be one of the following fields: [" + String.join(", ", present) + "]",
          r.where());
      return null;
    }
    if (kinds.isEmpty() && !comparison) {
      r.cx.schema(
          "A Choice Rule must have one of the fields [And, Or, Not], or a 'Variable' and a"
              + " comparison operator",
          r.where());
      return null;
    }
    if (r.has(Fields.AND) || r.has(Fields.OR)) {
      String field = r.has(Fields.AND) ? Fields.AND : Fields.OR;
      List<ChoiceRule> rules = nestedRules(r, field);
      if (rules == null) {
        return null;
      }
      return field.equals(Fields.AND) ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
    }
    if (r.has(Fields.NOT)) {
      Obj inner = r.object(Fields.NOT);
      if (inner == null) {
        return null;
      }
      ChoiceRule rule = rule(inner, true);
      return rule == null ? null : new ChoiceRule.Not(rule);
    }
    return comparison(r, operators);
  }

  private static List<ChoiceRule> nestedRules(Obj r, String field) {
    ArrayNode array = r.array(field);
    if (array == null) {
      return null;
    }
    if (array.isEmpty()) {
      r.cx.schema("The field '" + field + "' should be non-empty", r.at(field));
      return null;
    }
    int mark = r.cx.mark();
    List<ChoiceRule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Obj inner = r.element(field, array, i);
      if (inner != null) {
        ChoiceRule rule = rule(inner, true);
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    return r.cx.failedSince(mark) ? null : rules;
  }

  private static ChoiceRule comparison(Obj r, List<ComparisonOperator> operators) {
    String variableText = r.requiredString(Fields.VARIABLE);
    if (operators.isEmpty()) {
      r.cx.schema(
          "A Choice Rule with a 'Variable' must have a comparison operator, such as"
              + " 'StringEquals' or 'NumericGreaterThanPath'",
          r.where());
      return null;
    }
    if (operators.size() > 1) {
      r.cx.schema(
          "There should only be one of the following fields: "
              + operators.stream().map(ComparisonOperator::aslName).toList(),
          r.where());
      return null;
    }
    ComparisonOperator op = operators.get(0);
    String field = op.aslName();
    JsonNode value = r.get(field);
    ChoiceRule.Operand operand = operand(r, op, field, value);
    if (variableText == null) {
      return null;
    }
    PathExpr variable =
        Expressions.path(
            r.cx, Fields.VARIABLE, variableText, r.at(Fields.VARIABLE), Expressions.PathKind.ANY);
    if (variable == null || operand == null) {
      return null;
    }
    return new ChoiceRule.Comparison(variable, op, operand);
  }

  private static ChoiceRule.Operand operand(
      Obj r, ComparisonOperator op, String field, JsonNode value) {
    if (op.pathVariant()) {
      if (!value.isTextual()) {
        r.typeError(field, "a string that contains a JSONPath");
        return null;
      }
      PathExpr path =
          Expressions.path(r.cx, field, value.textValue(), r.at(field), Expressions.PathKind.ANY);
      return path == null ? null : new ChoiceRule.PathOperand(path);
    }
    boolean ok =
        switch (op.kind()) {
          case STRING -> {
            if (!value.isTextual()) {
              r.typeError(field, "a string");
              yield false;
            }
            if (op != ComparisonOperator.STRING_MATCHES
                && Expressions.looksDynamic(value.textValue())) {
              r.cx.warning(
                  DiagnosticCode.NO_PATH,
                  "The value of the field '"
                      + field
                      + "' looks like a path, but it is compared as a literal string; use '"
                      + field
                      + "Path' to compare with the value at that path",
                  r.at(field));
            }
            yield true;
          }
          case NUMERIC -> {
            if (!value.isNumber()) {
              r.typeError(field, "a number");
              yield false;
            }
            yield true;
          }
          case BOOLEAN, TYPE_TEST -> {
            if (!value.isBoolean()) {
              r.typeError(field, "a boolean");
              yield false;
            }
            yield true;
          }
          case TIMESTAMP -> Literals.TIMESTAMP.accepts(r, field, value, false);
        };
    return ok ? new ChoiceRule.Literal(value) : null;
  }
}
