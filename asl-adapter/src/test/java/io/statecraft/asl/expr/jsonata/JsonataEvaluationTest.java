package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonataEvaluationTest {

  private static final String INPUT =
      "{\"a\":1,\"two\":2.0,\"s\":\"x\",\"nul\":null,\"arr\":[1,null,[2,3]],\"one\":[7],"
          + "\"items\":[{\"id\":1},{\"id\":2}],\"single\":[{\"id\":9}],"
          + "\"big\":12345678901234567890,\"frac\":0.1}";

  static JsonNode eval(String body) {
    return eval(body, Scopes.scope(json(INPUT), Map.of()));
  }

  static JsonNode eval(String body, EvaluationScope scope) {
    try {
      return JsonataCompiler.expression(body, "Output").evaluate(scope);
    } catch (io.statecraft.asl.expr.ExpressionException e) {
      throw new AssertionError(e);
    }
  }

  static String cause(String body, EvaluationScope scope) {
    try {
      JsonataExpression e = JsonataCompiler.expression(body, "Output");
      e.evaluate(scope);
    } catch (AslFailure f) {
      assertThat(f.error()).isEqualTo("States.QueryEvaluationError");
      return f.cause();
    } catch (io.statecraft.asl.expr.ExpressionException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("evaluated without error: " + body);
  }

  static String cause(String body) {
    return cause(body, Scopes.scope(json(INPUT), Map.of()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$states.input.a                     | 1",
        "$states.input.s                     | \"x\"",
        "$states.input.nul                   | null",
        "null                                | null",
        "$states.input.arr                   | [1,null,[2,3]]",
        "$states.input.arr[2]                | [2,3]",
        "$states.input.arr[1]                | null",
        "$states.input.one                   | [7]",
        "$states.input.items.id              | [1,2]",
        "$states.input.single.id             | 9",
        "[$states.input.single.id]           | [9]",
        "$states.input.single.{'k': id}      | {\"k\":9}",
        "{'a': $states.input.nul, 'b': [1, null]} | {\"a\":null,\"b\":[1,null]}",
        "{'a': $states.input.missing, 'b': 1} | {\"b\":1}",
        "[1, $states.input.missing, 2]       | [1,2]",
        "$states.input.two                   | 2",
        "$states.input.two * 1.5             | 3",
        "1 / 4                               | 0.25",
        "$states.input.frac + 0.2            | 0.30000000000000004",
        "$sum([1, 2.5])                      | 3.5",
        "$count($states.input.items)         | 2",
        "$states.input.a = 1.0               | true",
        "$merge([{'a':1},{'b':2}])           | {\"a\":1,\"b\":2}",
        "$not(false)                         | true",
        "$contains('hello$world', /^hello\\$/) | true",
        "$string(5)                          | \"5\""
      })
  void evaluatesToJson(String body, String expected) {
    assertThat(eval(body)).isEqualTo(json(expected));
  }

  @Test
  void integralNumbersComeBackAsIntegers() {
    assertThat(eval("$states.input.two")).isInstanceOf(IntNode.class);
    assertThat(eval("3.0 * 1")).isInstanceOf(IntNode.class);
    assertThat(eval("$states.input.two").toString()).isEqualTo("2");
    assertThat(eval("10000000000 * 10")).isInstanceOf(LongNode.class);
    assertThat(eval("10000000000 * 10").toString()).isEqualTo("100000000000");
  }

  @Test
  void numbersAreJavaScriptDoubles() {
    // A JSON integer beyond 2^53 is the double nearest to it, as in JavaScript.
    assertThat(eval("$states.input.big").doubleValue()).isEqualTo(1.2345678901234567e19);
    assertThat(eval("9007199254740993 + 0").longValue()).isEqualTo(9007199254740992L);
  }

  @Test
  void undefinedIsAMissingNode() {
    assertThat(eval("$states.input.missing")).isInstanceOf(MissingNode.class);
    assertThat(eval("$states.input.items[id > 5]")).isInstanceOf(MissingNode.class);
    assertThat(eval("$doesNotExist")).isInstanceOf(MissingNode.class);
    assertThat(eval("$states.result")).isInstanceOf(MissingNode.class);
  }

  @Test
  void evaluateDefinedFailsOnUndefinedAsAwsDoes() throws Exception {
    JsonataExpression e = JsonataCompiler.expression("$doesNotExist", "Output");
    assertThatThrownBy(() -> e.evaluateDefined(Scopes.scope("{}")))
        .isInstanceOfSatisfying(
            AslFailure.class,
            f ->
                assertThat(f.cause())
                    .isEqualTo(
                        "The JSONata expression '$doesNotExist' specified for the field 'Output'"
                            + " returned nothing (undefined)."));
  }

  @Test
  void statesHoldsOnlyWhatTheScopeMakesAvailable() {
    EvaluationScope scope =
        Scopes.scope(json("{\"in\":1}"), Map.of())
            .withResult(json("{\"r\":2}"))
            .withErrorOutput(json("{\"Error\":\"E\",\"Cause\":\"C\"}"));
    assertThat(eval("$states.result.r", scope)).isEqualTo(json("2"));
    assertThat(eval("$states.errorOutput.Error", scope)).isEqualTo(json("\"E\""));
    assertThat(eval("$keys($states)", scope))
        .isEqualTo(json("[\"input\",\"result\",\"errorOutput\",\"context\"]"));
    assertThat(eval("$keys($states)", Scopes.scope("{}")))
        .isEqualTo(json("[\"input\",\"context\"]"));
    assertThat(eval("$states.context.State.Name", scope)).isEqualTo(json("\"S\""));
  }

  @Test
  void aJsonNullInputIsNullNotUndefined() {
    assertThat(eval("$states.input", Scopes.scope("null"))).isEqualTo(json("null"));
    assertThat(eval("$type($states.input)", Scopes.scope("null"))).isEqualTo(json("\"null\""));
  }

  @Test
  void variablesAreLookedUpByName() {
    EvaluationScope scope =
        Scopes.scope(
            json("{}"),
            Map.of("x", json("{\"y\":[1,2]}"), "n", json("null"), "sum", json("\"shadow\"")));
    assertThat(eval("$x.y[1]", scope)).isEqualTo(json("2"));
    assertThat(eval("$n", scope)).isEqualTo(json("null"));
    assertThat(eval("$exists($n)", scope)).isEqualTo(json("true"));
    assertThat(eval("$exists($missing)", scope)).isEqualTo(json("false"));
    // A variable shadows the function of the same name, as JSONata bindings do.
    assertThat(eval("$sum", scope)).isEqualTo(json("\"shadow\""));
  }

  @Test
  void onlyTheVariablesAnExpressionNamesAreLookedUp() throws Exception {
    java.util.List<String> asked = new java.util.ArrayList<>();
    EvaluationScope scope =
        Scopes.scope("{}")
            .withVariables(
                name -> {
                  asked.add(name);
                  return json("1");
                });
    JsonataCompiler.expression("$a + $b", "").evaluate(scope);
    assertThat(asked).containsExactly("a", "b");
  }

  @Test
  void aLocalBindingShadowsAVariable() {
    EvaluationScope scope = Scopes.scope(json("{}"), Map.of("x", json("1")));
    assertThat(eval("($y := $x; $x := 2; [$y, $x])", scope)).isEqualTo(json("[1,2]"));
  }

  @Test
  void aFunctionResultIsAnUnsupportedResultType() {
    assertThat(cause("$fn := function($x){$x}"))
        .isEqualTo(
            "The JSONata expression '$fn := function($x){$x}' specified for the field 'Output'"
                + " returned an unsupported result type.");
    assertThat(cause("$sum")).endsWith("returned an unsupported result type.");
    assertThat(cause("{'f': $uppercase}")).endsWith("returned an unsupported result type.");
    assertThat(cause("/abc/")).endsWith("returned an unsupported result type.");
  }

  @Test
  void aTemplateNamesTheFieldPathOfAnUndefinedExpression() throws Exception {
    JsonataTemplate t =
        JsonataCompiler.template(
            json("{\"ok\":1,\"x\":{\"y\":[0,\"{% $doesNotExist %}\"]}}"), "Arguments");
    assertThatThrownBy(() -> t.evaluate(Scopes.scope("{}")))
        .isInstanceOfSatisfying(
            AslFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("States.QueryEvaluationError");
              assertThat(f.cause())
                  .isEqualTo(
                      "The JSONata expression '$doesNotExist' specified for the field"
                          + " 'Arguments/x/y[1]' returned nothing (undefined).");
            });
    JsonataTemplate whole = JsonataCompiler.template(json("\"{% $doesNotExist %}\""), "Output");
    assertThatThrownBy(() -> whole.evaluate(Scopes.scope("{}")))
        .hasMessageContaining("for the field 'Output' returned nothing (undefined).");
    JsonataTemplate assign =
        JsonataCompiler.template(json("{\"result\":\"{% $doesNotExist %}\"}"), "Assign");
    assertThatThrownBy(() -> assign.evaluate(Scopes.scope("{}")))
        .hasMessageContaining("for the field 'Assign/result' returned nothing");
  }

  @Test
  void aTemplateNamesTheFieldPathOfAFailingExpression() throws Exception {
    JsonataTemplate t =
        JsonataCompiler.template(json("{\"FunctionResult\":\"{% $f() %}\"}"), "Output");
    assertThatThrownBy(() -> t.evaluate(Scopes.scope("{}")))
        .hasMessage(
            "States.QueryEvaluationError: The JSONata expression '$f()' specified for the field"
                + " 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted"
                + " to invoke a non-function");
  }

  @Test
  void aTemplateWithoutARootFieldNamesTheRelativePath() throws Exception {
    io.statecraft.asl.expr.Template t =
        JsonataCompiler.template(json("{\"a\":\"{% $nothing %}\"}"));
    assertThatThrownBy(() -> t.evaluate(Scopes.scope("{}")))
        .hasMessageContaining("for the field 'a' returned nothing");
    JsonataExpression e = (JsonataExpression) JsonataCompiler.expression("$nothing");
    assertThatThrownBy(() -> e.evaluateDefined(Scopes.scope("{}")))
        .hasMessageEndingWith("The JSONata expression '$nothing' returned nothing (undefined).");
  }

  @Test
  void aTemplateEvaluatesEveryValueAndKeepsKeysAndLiterals() throws Exception {
    JsonataTemplate t =
        JsonataCompiler.template(
            json(
                "{\"static\":\"Hello\",\"{% $x %}\":\"{% $x %}\",\"list\":[1,\"{% $x + 1 %}\","
                    + "\"three\"],\"not-evaluated\":\"$x\",\"nested\":{\"t\":\"{% $states.input.t"
                    + " %}\"}}"),
            "Arguments");
    JsonNode out = t.evaluate(Scopes.scope(json("{\"t\":true}"), Map.of("x", json("1"))));
    assertThat(out)
        .isEqualTo(
            json(
                "{\"static\":\"Hello\",\"{% $x %}\":1,\"list\":[1,2,\"three\"],"
                    + "\"not-evaluated\":\"$x\",\"nested\":{\"t\":true}}"));
  }

  @Test
  void templateResultsAreFreshCopies() throws Exception {
    JsonataTemplate t = JsonataCompiler.template(json("{\"a\":{\"b\":1},\"c\":\"{% 1 %}\"}"), "");
    com.fasterxml.jackson.databind.node.ObjectNode first =
        (com.fasterxml.jackson.databind.node.ObjectNode) t.evaluate(Scopes.scope("{}"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) first.get("a")).put("b", 2);
    assertThat(t.evaluate(Scopes.scope("{}")).get("a").get("b").asInt()).isEqualTo(1);
    assertThat(t.source().get("a").get("b").asInt()).isEqualTo(1);
    JsonataTemplate literal = JsonataCompiler.template(json("{\"a\":1}"), "");
    assertThat(literal.evaluate(Scopes.scope("{}"))).isNotSameAs(literal.source());
  }

  @Test
  void expressionsOfOneTemplateShareTheInputWithoutAlteringIt() throws Exception {
    // The first result holds the converted input; the library's final pass over it must not turn
    // its JSON null into undefined for the second expression.
    JsonataTemplate t =
        JsonataCompiler.template(
            json(
                "{\"all\":\"{% $states.input.arr %}\",\"second\":\"{% $states.input.arr[1]"
                    + " %}\",\"again\":\"{% $states.input.arr %}\"}"),
            "Output");
    assertThat(t.evaluate(Scopes.scope("{\"arr\":[1,null,3]}")))
        .isEqualTo(json("{\"all\":[1,null,3],\"second\":null,\"again\":[1,null,3]}"));
  }

  @Test
  void aRegularExpressionMayEndTheExpression() {
    assertThat(cause("/abc/")).endsWith("returned an unsupported result type.");
    assertThat(eval("$match('xabc', /abc/).index")).isEqualTo(json("1"));
  }

  @Test
  void theWholeTemplateCanBeOneExpressionOfAnyType() throws Exception {
    assertThat(
            JsonataCompiler.template(json("\"{% [1,2] %}\""), "Output")
                .evaluate(Scopes.scope("{}")))
        .isEqualTo(json("[1,2]"));
    assertThat(JsonataCompiler.template(json("42"), "Output").evaluate(Scopes.scope("{}")))
        .isEqualTo(json("42"));
    assertThat(JsonataCompiler.template(json("\"lit\""), "Output").evaluate(Scopes.scope("{}")))
        .isEqualTo(json("\"lit\""));
  }
}
