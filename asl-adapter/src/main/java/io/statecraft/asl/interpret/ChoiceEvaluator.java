package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.dataflow.Payloads;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.model.choice.Choice;
import io.statecraft.asl.model.choice.ChoiceRule;
import io.statecraft.asl.model.choice.ComparisonOperator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates Choice rules. A pure function of the rule and the scope.
 *
 * <p>The semantics follow the AWS recordings in the conformance corpus: a comparison whose operand
 * types do not fit the operator (a string under {@code NumericEquals}, a number under {@code
 * StringEquals}, a string that is not a timestamp under {@code TimestampEquals}, …) is simply
 * false, never an error. A {@code Variable} (or {@code *Path} operand) that selects nothing fails
 * with {@code States.Runtime}, except under {@code IsPresent}, which exists to test for it.
 */
public final class ChoiceEvaluator {

  private ChoiceEvaluator() {}

  /** The first choice whose rule matches, in the order of {@code Choices}. */
  public static Optional<Choice> firstMatch(List<Choice> choices, EvaluationScope scope) {
    for (Choice choice : choices) {
      if (matches(choice.rule(), scope)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }

  /** Whether the rule holds in this scope ({@code $} is the Choice state's effective input). */
  public static boolean matches(ChoiceRule rule, EvaluationScope scope) {
    return switch (rule) {
      case ChoiceRule.And and -> {
        for (ChoiceRule r : and.rules()) {
          if (!matches(r, scope)) {
            yield false;
          }
        }
        yield true;
      }
      case ChoiceRule.Or or -> {
        for (ChoiceRule r : or.rules()) {
          if (matches(r, scope)) {
            yield true;
          }
        }
        yield false;
      }
      case ChoiceRule.Not not -> !matches(not.rule(), scope);
      case ChoiceRule.Condition condition -> condition(condition, scope);
      case ChoiceRule.Comparison comparison -> comparison(comparison, scope);
    };
  }

  private static boolean condition(ChoiceRule.Condition condition, EvaluationScope scope) {
    JsonNode value =
        condition.literal() != null
            ? condition.literal()
            : Fields.named(condition.expression(), "Condition").evaluate(scope);
    String text =
        condition.expression() != null
            ? condition.expression().text()
            : condition.literal().toString();
    if (value == null || value.isMissingNode()) {
      throw new AslFailure(
          StatesError.QUERY_EVALUATION_ERROR,
          "The JSONata expression '"
              + text
              + "' specified for the field 'Condition' returned nothing (undefined).");
    }
    if (!value.isBoolean()) {
      throw new AslFailure(
          StatesError.QUERY_EVALUATION_ERROR,
          "The JSONata expression '"
              + text
              + "' specified for the field 'Condition' returned an unexpected result type."
              + " Expected 'boolean', but was '"
              + jsonType(value)
              + "' for value: "
              + Payloads.compact(value));
    }
    return value.booleanValue();
  }

  private static boolean comparison(ChoiceRule.Comparison c, EvaluationScope scope) {
    JsonNode variable = c.variable().evaluate(scope);
    boolean missing = variable == null || variable.isMissingNode();
    if (c.operator() == ComparisonOperator.IS_PRESENT) {
      return !missing == literal(c).asBoolean();
    }
    if (missing) {
      throw invalidPath(c.variable());
    }
    JsonNode operand;
    if (c.operand() instanceof ChoiceRule.PathOperand p) {
      operand = p.path().evaluate(scope);
      if (operand == null || operand.isMissingNode()) {
        throw invalidPath(p.path());
      }
    } else {
      operand = literal(c);
    }
    return switch (c.operator()) {
      case STRING_EQUALS, STRING_EQUALS_PATH ->
          strings(variable, operand) && cmp(variable, operand) == 0;
      case STRING_LESS_THAN, STRING_LESS_THAN_PATH ->
          strings(variable, operand) && cmp(variable, operand) < 0;
      case STRING_GREATER_THAN, STRING_GREATER_THAN_PATH ->
          strings(variable, operand) && cmp(variable, operand) > 0;
      case STRING_LESS_THAN_EQUALS, STRING_LESS_THAN_EQUALS_PATH ->
          strings(variable, operand) && cmp(variable, operand) <= 0;
      case STRING_GREATER_THAN_EQUALS, STRING_GREATER_THAN_EQUALS_PATH ->
          strings(variable, operand) && cmp(variable, operand) >= 0;
      case STRING_MATCHES ->
          strings(variable, operand) && wildcardMatch(operand.textValue(), variable.textValue());
      case NUMERIC_EQUALS, NUMERIC_EQUALS_PATH ->
          numbers(variable, operand) && num(variable, operand) == 0;
      case NUMERIC_LESS_THAN, NUMERIC_LESS_THAN_PATH ->
          numbers(variable, operand) && num(variable, operand) < 0;
      case NUMERIC_GREATER_THAN, NUMERIC_GREATER_THAN_PATH ->
          numbers(variable, operand) && num(variable, operand) > 0;
      case NUMERIC_LESS_THAN_EQUALS, NUMERIC_LESS_THAN_EQUALS_PATH ->
          numbers(variable, operand) && num(variable, operand) <= 0;
      case NUMERIC_GREATER_THAN_EQUALS, NUMERIC_GREATER_THAN_EQUALS_PATH ->
          numbers(variable, operand) && num(variable, operand) >= 0;
      case BOOLEAN_EQUALS, BOOLEAN_EQUALS_PATH ->
          variable.isBoolean()
              && operand.isBoolean()
              && variable.booleanValue() == operand.booleanValue();
      case TIMESTAMP_EQUALS, TIMESTAMP_EQUALS_PATH -> time(variable, operand, 0);
      case TIMESTAMP_LESS_THAN, TIMESTAMP_LESS_THAN_PATH -> time(variable, operand, -1);
      case TIMESTAMP_GREATER_THAN, TIMESTAMP_GREATER_THAN_PATH -> time(variable, operand, 1);
      case TIMESTAMP_LESS_THAN_EQUALS, TIMESTAMP_LESS_THAN_EQUALS_PATH ->
          time(variable, operand, -2);
      case TIMESTAMP_GREATER_THAN_EQUALS, TIMESTAMP_GREATER_THAN_EQUALS_PATH ->
          time(variable, operand, 2);
      case IS_NULL -> variable.isNull() == operand.asBoolean();
      case IS_NUMERIC -> variable.isNumber() == operand.asBoolean();
      case IS_STRING -> variable.isTextual() == operand.asBoolean();
      case IS_BOOLEAN -> variable.isBoolean() == operand.asBoolean();
      case IS_TIMESTAMP -> isTimestamp(variable) == operand.asBoolean();
      case IS_PRESENT -> throw new IllegalStateException("handled above");
    };
  }

  private static JsonNode literal(ChoiceRule.Comparison c) {
    if (c.operand() instanceof ChoiceRule.Literal l) {
      return l.value();
    }
    throw new IllegalStateException(c.operator().aslName() + " needs a literal operand");
  }

  private static AslFailure invalidPath(PathExpr path) {
    return new AslFailure(
        StatesError.RUNTIME,
        "Invalid path '"
            + path.text()
            + "': The choice state's condition path references an invalid value.");
  }

  private static boolean strings(JsonNode a, JsonNode b) {
    return a.isTextual() && b.isTextual();
  }

  /** Strings compare by Unicode code point, not by UTF-16 unit. */
  private static int cmp(JsonNode a, JsonNode b) {
    String x = a.textValue();
    String y = b.textValue();
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  private static boolean numbers(JsonNode a, JsonNode b) {
    return a.isNumber() && b.isNumber();
  }

  private static int num(JsonNode a, JsonNode b) {
    return decimal(a).compareTo(decimal(b));
  }

  /** A JSON number by value: {@code 1}, {@code 1.0} and {@code 1e0} are equal. */
  static BigDecimal decimal(JsonNode n) {
    if (n.isDouble() || n.isFloat()) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    if (n.isBigDecimal()) {
      return n.decimalValue();
    }
    return new BigDecimal(n.bigIntegerValue());
  }

  /**
   * {@code mode}: 0 equals, -1 less, 1 greater, -2 less or equal, 2 greater or equal. Either side
   * not a valid timestamp string makes the comparison false.
   */
  private static boolean time(JsonNode a, JsonNode b, int mode) {
    if (!a.isTextual() || !b.isTextual()) {
      return false;
    }
    Optional<Instant> x = Timestamps.parse(a.textValue());
    Optional<Instant> y = Timestamps.parse(b.textValue());
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    int c = x.get().compareTo(y.get());
    return switch (mode) {
      case 0 -> c == 0;
      case -1 -> c < 0;
      case 1 -> c > 0;
      case -2 -> c <= 0;
      default -> c >= 0;
    };
  }

  private static boolean isTimestamp(JsonNode node) {
    return node.isTextual() && Timestamps.parse(node.textValue()).isPresent();
  }

  /**
   * {@code StringMatches}: {@code *} matches any run of characters, including none; {@code \*}
   * matches a literal asterisk and {@code \\} a literal backslash. The whole string must match.
   */
  static boolean wildcardMatch(String pattern, String text) {
    int[] p = pattern.codePoints().toArray();
    // Tokens: a code point to match literally, or WILDCARD.
    int[] tokens = new int[p.length];
    int count = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == '\\' && i + 1 < p.length && (p[i + 1] == '*' || p[i + 1] == '\\')) {
        tokens[count++] = p[++i];
      } else if (p[i] == '*') {
        tokens[count++] = WILDCARD;
      } else {
        tokens[count++] = p[i];
      }
    }
    int[] t = text.codePoints().toArray();
    int ti = 0;
    int pi = 0;
    int star = -1;
    int mark = 0;
    while (ti < t.length) {
      if (pi < count && tokens[pi] != WILDCARD && tokens[pi] == t[ti]) {
        pi++;
        ti++;
      } else if (pi < count && tokens[pi] == WILDCARD) {
        star = pi++;
        mark = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++mark;
      } else {
        return false;
      }
    }
    while (pi < count && tokens[pi] == WILDCARD) {
      pi++;
    }
    return pi == count;
  }

  private static final int WILDCARD = -1;

  /** The JSON type name AWS uses in its messages. */
  static String jsonType(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT, POJO -> "object";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL, MISSING -> "null";
    };
  }
}
