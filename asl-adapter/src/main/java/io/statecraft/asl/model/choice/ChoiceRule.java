package io.statecraft.asl.model.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.PathExpr;
import java.util.List;
import java.util.Objects;

/** A Boolean expression of a Choice state: a comparison, And, Or, Not, or a JSONata Condition. */
public sealed interface ChoiceRule
    permits ChoiceRule.Comparison,
        ChoiceRule.And,
        ChoiceRule.Or,
        ChoiceRule.Not,
        ChoiceRule.Condition {

  /**
   * {@code "Variable": "$.x", "<Operator>": operand}.
   *
   * @param variable the compiled {@code Variable} path
   * @param operator the comparison operator
   * @param operand the literal (for a plain operator or a type test) or the compiled path (for a
   *     {@code *Path} operator)
   */
  record Comparison(PathExpr variable, ComparisonOperator operator, Operand operand)
      implements ChoiceRule {
    public Comparison {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code "And": [...]}: all must match. */
  record And(List<ChoiceRule> rules) implements ChoiceRule {
    public And {
      rules = List.copyOf(rules);
    }
  }

  /** {@code "Or": [...]}: at least one must match. */
  record Or(List<ChoiceRule> rules) implements ChoiceRule {
    public Or {
      rules = List.copyOf(rules);
    }
  }

  /** {@code "Not": {...}}. */
  record Not(ChoiceRule rule) implements ChoiceRule {
    public Not {
      Objects.requireNonNull(rule, "rule");
    }
  }

  /** A JSONata {@code "Condition"}: a boolean literal or a {@code {% %}} expression. */
  record Condition(JsonNode literal, Expression expression) implements ChoiceRule {
    public Condition {
      if ((literal == null) == (expression == null)) {
        throw new IllegalArgumentException("a Condition is either a literal or an expression");
      }
    }
  }

  /** The right-hand side of a comparison. */
  sealed interface Operand permits Literal, PathOperand {}

  /** A literal operand: a string, number, boolean or timestamp string as written. */
  record Literal(JsonNode value) implements Operand {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The compiled path of a {@code *Path} operator. */
  record PathOperand(PathExpr path) implements Operand {
    public PathOperand {
      Objects.requireNonNull(path, "path");
    }
  }
}
