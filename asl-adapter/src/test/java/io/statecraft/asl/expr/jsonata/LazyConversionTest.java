package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.JsonataEvaluationTest.eval;
import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.expr.EvaluationScope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input and variables reach the library as lazily converted views; they behave as plain JSON. */
class LazyConversionTest {

  private static final String DATA =
      "{\"o\":{\"p\":null,\"q\":[1,{\"r\":\"s\"}],\"t\":true},\"e\":[],\"n\":[3,1,2],"
          + "\"people\":[{\"name\":\"a\",\"age\":30},{\"name\":\"b\",\"age\":20}]}";

  private static EvaluationScope scope() {
    return Scopes.scope(json(DATA), Map.of("v", json(DATA)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$keys($states.input.o)                         | [\"p\",\"q\",\"t\"]",
        "$states.input.o                                | {\"p\":null,\"q\":[1,{\"r\":\"s\"}],\"t\":true}",
        "$string($states.input.o)                       | \"{\\\"p\\\":null,\\\"q\\\":[1,{\\\"r\\\":\\\"s\\\"}],\\\"t\\\":true}\"",
        "$states.input.o = {'p': null, 'q': [1, {'r': 's'}], 't': true} | true",
        "$states.input.o.p                              | null",
        "$exists($states.input.o.p)                     | true",
        "$exists($states.input.o.zz)                    | false",
        "$states.input.o.q[1].r                         | \"s\"",
        "$states.input.o.*                              | [null,1,{\"r\":\"s\"},true]",
        "$states.input.o.**.r                           | \"s\"",
        "$lookup($states.input.o, 't')                  | true",
        "$merge([$states.input.o, {'t': false}])        | {\"p\":null,\"q\":[1,{\"r\":\"s\"}],\"t\":false}",
        "$sift($states.input.o, function($v){ $v = true }) | {\"t\":true}",
        "$each($states.input.o, function($v, $k){ $k }) | [\"p\",\"q\",\"t\"]",
        "$spread($states.input.o)[1]                    | {\"q\":[1,{\"r\":\"s\"}]}",
        "$sort($states.input.n)                         | [1,2,3]",
        "$reverse($states.input.n)                      | [2,1,3]",
        "$append($states.input.n, 4)                    | [3,1,2,4]",
        "$states.input.people[age > 25].name            | \"a\"",
        "$states.input.people^(age).name                | [\"b\",\"a\"]",
        "$states.input.people{name: age}                | {\"a\":30,\"b\":20}",
        "$v.o.q[0] + $count($v.people)                  | 3",
        "$count($states.input.e)                        | 0"
      })
  void lazyViewsBehaveAsJson(String body, String expected) {
    assertThat(eval(body, scope())).isEqualTo(json(expected));
  }

  @Test
  void aTransformCopiesTheLazyInput() {
    assertThat(eval("$states.input ~> |o|{'t': false}, ['p']|", scope()))
        .isEqualTo(
            json(
                "{\"o\":{\"q\":[1,{\"r\":\"s\"}],\"t\":false},\"e\":[],\"n\":[3,1,2],"
                    + "\"people\":[{\"name\":\"a\",\"age\":30},{\"name\":\"b\",\"age\":20}]}"));
    assertThat(eval("$states.input.o", scope())).isEqualTo(json(DATA).get("o"));
  }

  @Test
  void aWriteByTheLibraryDoesNotReachTheNextExpressionOrTheScope() throws Exception {
    // Grouping over an empty array makes the library append to it.
    JsonataTemplate t =
        JsonataCompiler.template(
            json(
                "{\"grouped\":\"{% $states.input.e{'k': 1} %}\",\"count\":\"{% $count($states.input.e)"
                    + " %}\",\"var\":\"{% $v.e{'k': 1} %}\",\"varCount\":\"{% $count($v.e) %}\"}"),
            "Output");
    EvaluationScope s = scope();
    JsonNode out = t.evaluate(s);
    assertThat(out.get("count")).isEqualTo(json("0"));
    assertThat(out.get("varCount")).isEqualTo(json("0"));
    assertThat(s.input().get("e")).isEqualTo(json("[]"));
    assertThat(s.input()).isEqualTo(json(DATA));
  }

  @Test
  void readingOneFieldOfALargeInputDoesNotConvertTheRest() throws Exception {
    ObjectNode input = Scopes.MAPPER.createObjectNode();
    ArrayNode big = input.putArray("big");
    for (int i = 0; i < 50_000; i++) {
      big.addObject().put("i", i).put("s", "some text " + i);
    }
    input.put("id", "x");
    JsonataExpression e = JsonataCompiler.expression("$states.input.id", "Output");
    EvaluationScope s = Scopes.scope(input, Map.of());
    assertThat(e.evaluate(s)).isEqualTo(json("\"x\""));
    assertThat(JsonataCompiler.expression("$states.input.big[49999].i", "").evaluate(s))
        .isEqualTo(json("49999"));
  }
}
