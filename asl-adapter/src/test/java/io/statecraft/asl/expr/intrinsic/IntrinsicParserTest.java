package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.compileError;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.jsonpath.JsonPathCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicParserTest {

  @Test
  void everyFunctionHasAUniqueName() {
    assertThat(IntrinsicFunction.values()).hasSize(18);
    for (IntrinsicFunction f : IntrinsicFunction.values()) {
      assertThat(IntrinsicFunction.byName(f.functionName())).contains(f);
    }
    assertThat(IntrinsicFunction.byName("States.format")).isEmpty();
  }

  @Test
  void literalArgumentsOfEveryKindAreParsed() {
    assertJson(
        eval("States.Array('a', 1, -2.5, 1e2, true, false, null, '')", "{}"),
        "[\"a\", 1, -2.5, 100, true, false, null, \"\"]");
  }

  @Test
  void whitespaceAroundArgumentsIsAllowed() {
    assertJson(eval("States.Array(  1 ,\t'x'  ,$.a )", "{\"a\": 2}"), "[1, \"x\", 2]");
    assertJson(eval("States.Array()", "{}"), "[]");
    assertJson(eval("States.Array( )", "{}"), "[]");
  }

  @Test
  void stringEscapesResolveToTheirCharacters() {
    assertJson(
        eval("States.Array('it\\'s', 'back\\\\slash', '\\{\\}')", "{}"),
        "[\"it's\", \"back\\\\slash\", \"{}\"]");
  }

  @Test
  void commasAndParenthesesInsideStringsAreText() {
    assertJson(
        eval("States.Array('a, b', '(c)', 'States.Array()')", "{}"),
        "[\"a, b\", \"(c)\", \"States.Array()\"]");
  }

  @Test
  void pathArgumentsMayHoldBracketsFiltersAndQuotedCommas() {
    String input = "{\"a\": [{\"x\": 1}, {\"x\": 2}], \"b, c\": 3}";
    assertJson(
        eval("States.Array($.a[?(@.x > 1)].x, $['b, c'], $.a[0,1].x)", input), "[[2], 3, [1, 2]]");
  }

  @Test
  void nestedCallsAreEvaluatedInnermostFirst() {
    // Recorded against AWS: intrinsic_functions.test_generic.test_nested_calls_2 (shape).
    assertJson(
        eval(
            "States.ArrayGetItem(States.StringSplit($.name, '-'), States.MathAdd("
                + "States.ArrayLength(States.StringSplit($.name, '-')), -1))",
            "{\"name\": \"my-state-machine\"}"),
        "\"machine\"");
  }

  @Test
  void tenCallsInOneFieldAreAllowedButNotEleven() throws Exception {
    String ten = "States.Array(" + "States.Array(".repeat(9) + ")".repeat(9) + ")";
    assertThat(JsonPathCompiler.pathOrIntrinsic(ten)).isInstanceOf(IntrinsicCall.class);
    String eleven = "States.Array(" + ten + ")";
    assertThat(compileError(eleven).getMessage()).contains("more than 10 intrinsic functions");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "States.Nope()                   | unknown intrinsic function 'States.Nope'",
        "States.format('x')              | unknown intrinsic function 'States.format'",
        "States.UUID(1)                  | States.UUID takes exactly 0 arguments but 1 was given",
        "States.MathAdd(1)               | States.MathAdd takes exactly 2 arguments but 1 was given",
        "States.MathRandom(1)            | States.MathRandom takes 2 to 3 arguments",
        "States.Format()                 | States.Format takes at least 1 argument",
        "States.Array('a'                | not closed with ')'",
        "States.Array('a)                | string literal is not closed",
        "States.Array(1) x               | unexpected text after the call",
        "States.Array(1 2)               | expected ',' or ')'",
        "States.Array(01)                | invalid number",
        "States.Array(tru)               | expected an argument",
        "States.Array(,)                 | expected an argument",
        "States.Array($.a[)              | invalid path argument '$.a[)'",
        "States.Array($['a)             | path argument is not closed",
        "States.Array($.a..)             | invalid path argument '$.a..'",
        "States.Array($x-y)              | invalid path argument",
        "States.                          | unknown intrinsic function",
        "States.Array                    | expected '('"
      })
  void malformedCallsFailToCompileWithAReason(String text, String reason) {
    ExpressionException e = compileError(text.strip());
    assertThat(e.kind()).isEqualTo(ExpressionException.Kind.INVALID_INTRINSIC);
    assertThat(e.getMessage()).contains(reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "States.Format(1)                         | expected a string",
        "States.Format('{} and {}', 1)            | 2 placeholder(s) {} but 1 argument(s)",
        "States.StringToJson(1)                   | expected a string",
        "States.ArrayPartition('a', 1)            | expected an array",
        "States.ArrayPartition($.a, 0)            | chunk size must be a positive integer",
        "States.ArrayPartition($.a, 'x')          | expected a number",
        "States.ArrayContains(1, 1)               | expected an array",
        "States.ArrayRange(1, 9, 0)               | step must not be zero",
        "States.ArrayRange(0, 1000, 1)            | 1001 items, more than the limit of 1000",
        "States.ArrayRange('a', 1, 1)             | expected a number",
        "States.ArrayGetItem($.a, -1)             | must not be negative",
        "States.ArrayGetItem($.a, 1.5)            | must be an integer",
        "States.ArrayLength(null)                 | expected an array",
        "States.ArrayUnique(true)                 | expected an array",
        "States.Base64Encode(5)                   | expected a string",
        "States.Base64Decode('***')               | not valid Base64",
        "States.Hash('a', 'SHA-224')              | algorithm must be one of",
        "States.Hash(1, 'MD5')                    | expected a string",
        "States.JsonMerge('a', $.b, false)        | expected a JSON object",
        "States.JsonMerge($.a, $.b, true)         | only shallow merging is supported",
        "States.JsonMerge($.a, $.b, 'false')      | expected a boolean",
        "States.MathRandom(5, 5)                  | end number must be greater",
        "States.MathRandom(1, 5, 1.5)             | must be an integer",
        "States.MathAdd(1, 3000000000)            | between -2147483648 and 2147483647",
        "States.MathAdd('1', 2)                   | expected a number",
        "States.StringSplit('a', 1)               | expected a string"
      })
  void literalArgumentsAreCheckedWhenCompiling(String text, String reason) {
    ExpressionException e = compileError(text.strip());
    assertThat(e.kind()).isEqualTo(ExpressionException.Kind.INVALID_INTRINSIC);
    assertThat(e.getMessage()).contains(reason).contains(text.strip());
  }

  @Test
  void openEscapeFailsWhenTheCallRuns() throws Exception {
    // AWS: "If an open escape backslash \ is found in the intrinsic invocation string, the
    // interpreter will throw a runtime error."
    Expression call = JsonPathCompiler.pathOrIntrinsic("States.Array('a\\nb')");
    AslFailure f =
        failure(
            () ->
                call.evaluate(
                    io.statecraft.asl.expr.jsonpath.Fixtures.scope(
                        io.statecraft.asl.expr.jsonpath.Fixtures.json("{}"))));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("backslash");
  }

  @Test
  void pathArgumentThatSelectsNothingFailsWithRuntime() {
    AslFailure f = failure(() -> eval("States.Format('{}', $.missing)", "{\"a\": 1}"));
    assertThat(f.error()).isEqualTo("States.Runtime");
    assertThat(f.cause()).contains("'$.missing'").contains("States.Format").contains("{\"a\":1}");
  }

  @Test
  void callTextAndShapeAreExposed() throws Exception {
    IntrinsicCall call =
        (IntrinsicCall)
            JsonPathCompiler.pathOrIntrinsic("States.MathAdd($.a, States.MathAdd(1, 2))");
    assertThat(call.function()).isEqualTo(IntrinsicFunction.MATH_ADD);
    assertThat(call.argumentCount()).isEqualTo(2);
    assertThat(call.text()).isEqualTo("States.MathAdd($.a, States.MathAdd(1, 2))");
  }
}
