package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.JsonataEvaluationTest.cause;
import static io.statecraft.asl.expr.jsonata.JsonataEvaluationTest.eval;
import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The causes of {@code States.QueryEvaluationError}: AWS's sentence naming the expression and the
 * field, then JSONata 2.0.6's code and message, or for a bound on evaluation its bare message.
 */
class JsonataErrorCausesTest {

  private static final String SUBJECT =
      "specified for the field 'Output' threw an error during evaluation";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$abs('x')            | T0410: Argument 1 of function \"abs\" does not match function signature",
        "$sum(['a'])          | T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"",
        "$join([1], ',')      | T0412: Argument 1 of function \"join\" must be an array of \"strings\"",
        "$foo()               | T1006: Attempted to invoke a non-function",
        "1 + 'a'              | T2002: The right side of the \"+\" operator must evaluate to a number",
        "'a' * 2              | T2001: The left side of the \"*\" operator must evaluate to a number",
        "'a' < 1              | T2009: The values \"a\" and 1 either side of operator \"<\" must be of"
            + " the same data type",
        "{'a':1} > 2          | T2010: The expressions either side of operator \">\" must evaluate to"
            + " numeric or string values",
        "[1.5..3]             | T2003: The left side of the range operator (..) must evaluate to an"
            + " integer",
        "[1..'x']             | T2004: The right side of the range operator (..) must evaluate to an"
            + " integer",
        "1 ~> 2               | T2006: The right side of the function application operator ~> must be"
            + " a function",
        "{1: 'a'}             | T1003: Key in object structure must evaluate to a string; got: 1",
        "$number('abc')       | D3030: Unable to cast value to a number: \"abc\"",
        "$sqrt(-1)            | D3060: The sqrt function cannot be applied to a negative number: -1",
        "$error('boom')       | D3137: boom",
        "$error()             | D3137: $error() function evaluated",
        "$assert(false, 'no') | D3141: no",
        "$assert(false)       | D3141: $assert() statement failed",
        "$single([1,2])       | D3138: The $single() function expected exactly 1 matching result. "
            + " Instead it matched more.",
        "$single([])          | D3139: The $single() function expected exactly 1 matching result. "
            + " Instead it matched 0.",
        "$replace('a', '', 'b') | D3010: Second argument of replace function cannot be an empty"
            + " string",
        "$formatBase(10, 99)  | D3100: The radix of the formatBase function must be between 2 and 36."
            + "  It was given 99",
        "$toMillis('nope')    | D3110: The argument of the toMillis function must be an ISO 8601"
            + " formatted timestamp. Given \"nope\"",
        "$states.input.n.$uppercase() | T0411: Context value is not a compatible type with argument 1"
            + " of function \"uppercase\""
      })
  void aFailedExpressionReportsJsonatasCodeAndMessage(String body, String detail) {
    assertThat(cause(body, Scopes.scope("{\"n\":5}")))
        .isEqualTo("The JSONata expression '" + body + "' " + SUBJECT + ". " + detail);
  }

  /**
   * Expected to fail: the library's signature check names argument 1 whatever argument of a
   * built-in function is at fault, where JSONata names the faulty one. The functions Step Functions
   * adds check their own arguments and name it correctly.
   */
  @Test
  void knownGapABuiltInFunctionsSecondArgumentIsNamedAsTheFirst() {
    String correct =
        "The JSONata expression '$substring('abc', 'x')' "
            + SUBJECT
            + ". T0410: Argument 2 of function \"substring\" does not match function signature";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> assertThat(cause("$substring('abc', 'x')")).isEqualTo(correct))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void nestingDeeperThanAwsAllowsIsAStackOverflow() {
    String recursion = "($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(%d))";
    assertThat(eval(String.format(recursion, 30))).isEqualTo(json("30"));
    assertThat(cause(String.format(recursion, 40)))
        .endsWith(
            SUBJECT
                + ": Stack overflow error: Check for non-terminating recursive function. Consider"
                + " rewriting as tail-recursive.");
    assertThat(eval("1" + "+1".repeat(98))).isEqualTo(json("99"));
    assertThat(cause("1" + "+1".repeat(199))).contains(": Stack overflow error:");
  }

  @Test
  void aValueLargerThanAwsAllowsExceedsTheMemoryLimit() {
    String limit =
        SUBJECT
            + ": Expression evaluation memory limit exceeded: Check for excessive"
            + " memory usage";
    assertThat(eval("[1..873782] ~> $count()")).isEqualTo(json("873782"));
    assertThat(cause("[1..873783] ~> $count()")).endsWith(limit);
    assertThat(cause("$sum([1..900000])")).endsWith(limit);
    String doubling =
        "($p := function($s, $n) { $n = 0 ? $s : $p($s & $s, $n - 1) }; $length($p('x', %d)))";
    assertThat(eval(String.format(doubling, 22))).isEqualTo(json("4194304"));
    assertThat(cause(String.format(doubling, 23))).endsWith(limit);
  }

  @Test
  void aLoopThatNeverEndsRunsOutOfSteps() {
    assertThat(cause("($f := function($x){ $f($x + 1) }; $f(1))"))
        .endsWith(SUBJECT + ": Expression evaluation timeout: Check for infinite loop");
  }

  @Test
  void theCauseQuotesTheExpressionAsWrittenBetweenTheDelimiters() throws Exception {
    JsonataTemplate t =
        JsonataCompiler.template(json("{\"v\":\"{%   $abs(\\\"x\\\")  %}\"}"), "Output");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.evaluate(Scopes.scope("{}")))
        .hasMessage(
            "States.QueryEvaluationError: The JSONata expression '$abs(\"x\")' specified for the"
                + " field 'Output/v' threw an error during evaluation. T0410: Argument 1 of"
                + " function \"abs\" does not match function signature");
  }

  @Test
  void unexpectedResultTypeNamesTheTypeAndTheValue() {
    assertThat(
            JsonataErrors.unexpectedResultType(
                "{'foo': 'bar'}", "Items", "array", json("{\"foo\":\"bar\"}")))
        .isEqualTo(
            "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an"
                + " unexpected result type. Expected 'array', but was 'object' for value:"
                + " {\"foo\":\"bar\"}");
    assertThat(JsonataErrors.unexpectedResultType("$v", "Items", "array", json("\"string\"")))
        .endsWith("Expected 'array', but was 'string' for value: \"string\"");
    assertThat(JsonataErrors.typeName(json("null"))).isEqualTo("null");
    assertThat(JsonataErrors.typeName(json("true"))).isEqualTo("boolean");
    assertThat(JsonataErrors.typeName(json("1.5"))).isEqualTo("number");
    assertThat(JsonataErrors.typeName(json("[]"))).isEqualTo("array");
  }

  @Test
  void failuresAreQueryEvaluationErrors() {
    assertThat(JsonataErrors.failure("x").error()).isEqualTo("States.QueryEvaluationError");
    assertThat(JsonataErrors.failure("x").cause()).isEqualTo("x");
  }
}
