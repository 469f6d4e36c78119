package io.statecraft.asl.interpret;

import static io.statecraft.asl.testing.Fakes.json;
import static io.statecraft.asl.testing.Fakes.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Variables;
import io.statecraft.asl.interpret.memory.SeededEntropy;
import io.statecraft.asl.model.choice.Choice;
import io.statecraft.asl.model.choice.ChoiceRule;
import io.statecraft.asl.model.choice.ComparisonOperator;
import io.statecraft.asl.testing.Fakes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChoiceEvaluatorTest {

  static EvaluationScope scope(String input) {
    return EvaluationScope.of(
        json(input),
        json("{\"State\":{\"Name\":\"C\"}}"),
        name -> name.equals("limit") ? json("10") : null,
        () -> Instant.EPOCH,
        new SeededEntropy(1));
  }

  static boolean literal(ComparisonOperator op, String variable, String operand) {
    return ChoiceEvaluator.matches(
        new ChoiceRule.Comparison(path("$.v"), op, new ChoiceRule.Literal(json(operand))),
        scope("{\"v\":" + variable + "}"));
  }

  static boolean viaPath(ComparisonOperator op, String variable, String operand) {
    return ChoiceEvaluator.matches(
        new ChoiceRule.Comparison(path("$.v"), op, new ChoiceRule.PathOperand(path("$.o"))),
        scope("{\"v\":" + variable + ",\"o\":" + operand + "}"));
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        // operator, variable, operand, expected
        Arguments.of("StringEquals", "\"a\"", "\"a\"", true),
        Arguments.of("StringEquals", "\"a\"", "\"b\"", false),
        Arguments.of("StringEquals", "1", "\"1\"", false),
        Arguments.of("StringEquals", "\"\\t\\n\"", "\"\\t\\r\\n\"", false),
        Arguments.of("StringLessThan", "\"A\"", "\"AB\"", true),
        Arguments.of("StringLessThan", "\"AB\"", "\"A\"", false),
        Arguments.of("StringGreaterThan", "\"b\"", "\"a\"", true),
        Arguments.of("StringGreaterThan", "\"A\"", "\"A\\t\"", false),
        Arguments.of("StringLessThanEquals", "\"\"", "\"\"", true),
        Arguments.of("StringLessThanEquals", "\"AB\"", "\"A\"", false),
        Arguments.of("StringGreaterThanEquals", "\"AB\"", "\"A\"", true),
        Arguments.of("StringGreaterThanEquals", "\"A\"", "\"AB\"", false),
        // code points: U+1F600 sorts after U+FFFF even though its first UTF-16 unit is smaller
        Arguments.of("StringGreaterThan", "\"\\uD83D\\uDE00\"", "\"\\uFFFF\"", true),
        Arguments.of("NumericEquals", "1", "1.0", true),
        Arguments.of("NumericEquals", "2.22", "2.22", true),
        Arguments.of("NumericEquals", "\"1\"", "1", false),
        Arguments.of("NumericEquals", "true", "1", false),
        Arguments.of("NumericEquals", "null", "0", false),
        Arguments.of("NumericEquals", "[]", "0", false),
        Arguments.of("NumericLessThan", "1", "2", true),
        Arguments.of("NumericLessThan", "2", "2", false),
        Arguments.of("NumericGreaterThan", "1", "0", true),
        Arguments.of("NumericGreaterThan", "0.0", "0", false),
        Arguments.of("NumericLessThanEquals", "0.0", "0", true),
        Arguments.of("NumericLessThanEquals", "1", "0", false),
        Arguments.of("NumericGreaterThanEquals", "0", "0", true),
        Arguments.of("NumericGreaterThanEquals", "0", "1", false),
        Arguments.of("NumericEquals", "1e0", "1", true),
        Arguments.of("BooleanEquals", "true", "true", true),
        Arguments.of("BooleanEquals", "false", "true", false),
        Arguments.of("BooleanEquals", "0", "false", false),
        Arguments.of("BooleanEquals", "\"true\"", "true", false),
        Arguments.of(
            "TimestampEquals", "\"2012-10-09T19:00:55Z\"", "\"2012-10-09T19:00:55Z\"", true),
        Arguments.of(
            "TimestampEquals", "\"2012-10-09T20:00:55+01:00\"", "\"2012-10-09T19:00:55Z\"", true),
        Arguments.of(
            "TimestampEquals", "\"2012-10-09T19:00:55.000Z\"", "\"2012-10-09T19:00:55Z\"", true),
        Arguments.of(
            "TimestampEquals", "\"2012-10-09T19:00:55\"", "\"2012-10-09T19:00:55Z\"", false),
        Arguments.of("TimestampEquals", "1", "\"2012-10-09T19:00:55Z\"", false),
        Arguments.of(
            "TimestampLessThan", "\"2012-10-09T19:00:55Z\"", "\"2012-10-09T19:00:56Z\"", true),
        Arguments.of(
            "TimestampLessThan", "\"2012-10-09T19:00:55Z\"", "\"2012-10-09T19:00:55Z\"", false),
        Arguments.of(
            "TimestampGreaterThan", "\"2012-10-09T19:00:56Z\"", "\"2012-10-09T19:00:55Z\"", true),
        Arguments.of(
            "TimestampGreaterThan", "\"2012-10-09T19:00:55Z\"", "\"2012-10-09T19:00:56Z\"", false),
        Arguments.of(
            "TimestampLessThanEquals",
            "\"2012-10-09T19:00:55Z\"",
            "\"2012-10-09T19:00:55Z\"",
            true),
        Arguments.of(
            "TimestampLessThanEquals",
            "\"2012-10-09T19:00:56Z\"",
            "\"2012-10-09T19:00:55Z\"",
            false),
        Arguments.of(
            "TimestampGreaterThanEquals",
            "\"2012-10-09T19:00:55.5Z\"",
            "\"2012-10-09T19:00:55.499999999Z\"",
            true),
        Arguments.of(
            "TimestampGreaterThanEquals",
            "\"2012-10-09T19:00:55Z\"",
            "\"2012-10-09T19:00:56Z\"",
            false));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("comparisons")
  void comparesLiteralsAndPathsAlike(String op, String variable, String operand, boolean expected) {
    ComparisonOperator literalOp = ComparisonOperator.byAslName(op).orElseThrow();
    assertThat(literal(literalOp, variable, operand)).isEqualTo(expected);
    ComparisonOperator pathOp = ComparisonOperator.byAslName(op + "Path").orElseThrow();
    assertThat(viaPath(pathOp, variable, operand)).isEqualTo(expected);
  }

  static Stream<Arguments> typeTests() {
    return Stream.of(
        Arguments.of("IsNull", "null", true),
        Arguments.of("IsNull", "0", false),
        Arguments.of("IsNull", "\"\"", false),
        Arguments.of("IsNumeric", "1.1", true),
        Arguments.of("IsNumeric", "\"1\"", false),
        Arguments.of("IsString", "\"\"", true),
        Arguments.of("IsString", "[]", false),
        Arguments.of("IsBoolean", "false", true),
        Arguments.of("IsBoolean", "\"true\"", false),
        Arguments.of("IsTimestamp", "\"2016-03-14T01:59:00Z\"", true),
        Arguments.of("IsTimestamp", "\"2016-03-14T01:59:00.123456789+05:30\"", true),
        Arguments.of("IsTimestamp", "\"2016-03-14T01:59:00\"", false),
        Arguments.of("IsTimestamp", "\"2016-03-14 01:59:00Z\"", false),
        Arguments.of("IsTimestamp", "\"2016-13-14T01:59:00Z\"", false),
        Arguments.of("IsTimestamp", "123", false),
        Arguments.of("IsPresent", "null", true),
        Arguments.of("IsPresent", "{}", true));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("typeTests")
  void typeTestsCompareWithTheirBooleanOperand(String op, String variable, boolean expected) {
    ComparisonOperator o = ComparisonOperator.byAslName(op).orElseThrow();
    assertThat(literal(o, variable, "true")).isEqualTo(expected);
    assertThat(literal(o, variable, "false")).isEqualTo(!expected);
  }

  @Test
  void isPresentIsFalseForAMissingVariableInsteadOfFailing() {
    ChoiceRule rule =
        new ChoiceRule.Comparison(
            path("$.missing"),
            ComparisonOperator.IS_PRESENT,
            new ChoiceRule.Literal(BooleanNode.TRUE));
    assertThat(ChoiceEvaluator.matches(rule, scope("{}"))).isFalse();
    ChoiceRule notPresent =
        new ChoiceRule.Comparison(
            path("$.missing"),
            ComparisonOperator.IS_PRESENT,
            new ChoiceRule.Literal(BooleanNode.FALSE));
    assertThat(ChoiceEvaluator.matches(notPresent, scope("{}"))).isTrue();
  }

  @Test
  void aMissingVariableIsARuntimeErrorNamingThePath() {
    ChoiceRule rule =
        new ChoiceRule.Comparison(
            path("$.missing"),
            ComparisonOperator.NUMERIC_EQUALS,
            new ChoiceRule.Literal(json("1")));
    assertThatThrownBy(() -> ChoiceEvaluator.matches(rule, scope("{}")))
        .isInstanceOfSatisfying(
            AslFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("States.Runtime");
              assertThat(f.cause())
                  .isEqualTo(
                      "Invalid path '$.missing': The choice state's condition path references an"
                          + " invalid value.");
            });
  }

  @Test
  void aMissingOperandPathIsARuntimeError() {
    ChoiceRule rule =
        new ChoiceRule.Comparison(
            path("$.v"),
            ComparisonOperator.NUMERIC_EQUALS_PATH,
            new ChoiceRule.PathOperand(path("$.nope")));
    assertThatThrownBy(() -> ChoiceEvaluator.matches(rule, scope("{\"v\":1}")))
        .isInstanceOf(AslFailure.class)
        .hasMessageContaining("'$.nope'");
  }

  @Test
  void variablesAndTheContextObjectCanBeCompared() {
    ChoiceRule byVariable =
        new ChoiceRule.Comparison(
            path("$limit"), ComparisonOperator.NUMERIC_EQUALS, new ChoiceRule.Literal(json("10")));
    ChoiceRule byContext =
        new ChoiceRule.Comparison(
            path("$$.State.Name"),
            ComparisonOperator.STRING_EQUALS,
            new ChoiceRule.Literal(json("\"C\"")));
    assertThat(ChoiceEvaluator.matches(byVariable, scope("{}"))).isTrue();
    assertThat(ChoiceEvaluator.matches(byContext, scope("{}"))).isTrue();
  }

  @Test
  void stringMatchesTreatsStarAsAWildcardWithEscapes() {
    assertThat(ChoiceEvaluator.wildcardMatch("log-*.txt", "log-2024.txt")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("log-*.txt", "log-.txt")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("log-*.txt", "log-1.txt.bak")).isFalse();
    assertThat(ChoiceEvaluator.wildcardMatch("*", "")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("a*b*c", "aXXbYYc")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("a*b*c", "aXXcYYb")).isFalse();
    assertThat(ChoiceEvaluator.wildcardMatch("a\\*b", "a*b")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("a\\*b", "axb")).isFalse();
    assertThat(ChoiceEvaluator.wildcardMatch("a\\\\*", "a\\anything")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("a\\\\b", "a\\b")).isTrue();
    assertThat(literal(ComparisonOperator.STRING_MATCHES, "\"file.log\"", "\"*.log\"")).isTrue();
    assertThat(literal(ComparisonOperator.STRING_MATCHES, "5", "\"*\"")).isFalse();
  }

  @Test
  void andOrNotCombineRules() {
    ChoiceRule isOne =
        new ChoiceRule.Comparison(
            path("$.v"), ComparisonOperator.NUMERIC_EQUALS, new ChoiceRule.Literal(json("1")));
    ChoiceRule isString =
        new ChoiceRule.Comparison(
            path("$.v"), ComparisonOperator.IS_STRING, new ChoiceRule.Literal(BooleanNode.TRUE));
    EvaluationScope one = scope("{\"v\":1}");
    assertThat(ChoiceEvaluator.matches(new ChoiceRule.And(List.of(isOne, isString)), one))
        .isFalse();
    assertThat(ChoiceEvaluator.matches(new ChoiceRule.Or(List.of(isString, isOne)), one)).isTrue();
    assertThat(ChoiceEvaluator.matches(new ChoiceRule.Not(isString), one)).isTrue();
    assertThat(ChoiceEvaluator.matches(new ChoiceRule.And(List.of(isOne)), one)).isTrue();
  }

  @Test
  void firstMatchingChoiceWinsInOrder() {
    ChoiceRule isOne =
        new ChoiceRule.Comparison(
            path("$.v"),
            ComparisonOperator.NUMERIC_GREATER_THAN,
            new ChoiceRule.Literal(json("0")));
    List<Choice> choices =
        List.of(
            new Choice(new ChoiceRule.Not(isOne), "Neg", Optional.empty(), Optional.empty(), null),
            new Choice(isOne, "First", Optional.empty(), Optional.empty(), null),
            new Choice(isOne, "Second", Optional.empty(), Optional.empty(), null));
    assertThat(ChoiceEvaluator.firstMatch(choices, scope("{\"v\":1}")).orElseThrow().next())
        .isEqualTo("First");
  }

  @Test
  void jsonataConditionMustBeBoolean() {
    ChoiceRule yes = new ChoiceRule.Condition(null, Fakes.jsonata("$x", s -> BooleanNode.TRUE));
    ChoiceRule literal = new ChoiceRule.Condition(BooleanNode.FALSE, null);
    ChoiceRule number = new ChoiceRule.Condition(null, Fakes.jsonata("1 + 1", s -> json("2")));
    assertThat(ChoiceEvaluator.matches(yes, scope("{}"))).isTrue();
    assertThat(ChoiceEvaluator.matches(literal, scope("{}"))).isFalse();
    assertThatThrownBy(() -> ChoiceEvaluator.matches(number, scope("{}")))
        .isInstanceOfSatisfying(
            AslFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("States.QueryEvaluationError");
              assertThat(f.cause())
                  .isEqualTo(
                      "The JSONata expression '1 + 1' specified for the field 'Condition' returned"
                          + " an unexpected result type. Expected 'boolean', but was 'number' for"
                          + " value: 2");
            });
  }

  @Test
  void everyOperatorIsHandled() {
    JsonNode value = json("\"2016-03-14T01:59:00Z\"");
    for (ComparisonOperator op : ComparisonOperator.values()) {
      ChoiceRule.Operand operand =
          op.pathVariant()
              ? new ChoiceRule.PathOperand(path("$.v"))
              : new ChoiceRule.Literal(
                  op.kind() == ComparisonOperator.Kind.TYPE_TEST ? BooleanNode.TRUE : value);
      ChoiceRule rule = new ChoiceRule.Comparison(path("$.v"), op, operand);
      EvaluationScope s =
          EvaluationScope.of(
              json("{\"v\":\"2016-03-14T01:59:00Z\"}"),
              json("{}"),
              Variables.NONE,
              () -> Instant.EPOCH,
              new SeededEntropy(0));
      boolean expected =
          switch (op.kind()) {
            case STRING -> !op.aslName().contains("Than") || op.aslName().contains("Equals");
            case TIMESTAMP -> !op.aslName().contains("Than") || op.aslName().contains("Equals");
            case NUMERIC, BOOLEAN -> false;
            case TYPE_TEST ->
                op == ComparisonOperator.IS_STRING
                    || op == ComparisonOperator.IS_TIMESTAMP
                    || op == ComparisonOperator.IS_PRESENT;
          };
      assertThat(ChoiceEvaluator.matches(rule, s)).as(op.aslName()).isEqualTo(expected);
    }
  }
}
