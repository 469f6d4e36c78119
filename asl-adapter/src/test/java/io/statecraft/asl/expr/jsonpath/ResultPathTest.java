package io.statecraft.asl.expr.jsonpath;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static io.statecraft.asl.expr.jsonpath.Fixtures.json;
import static io.statecraft.asl.expr.jsonpath.Fixtures.sq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.ResultPathExpr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultPathTest {

  private static JsonNode apply(String path, String input, String result) throws Exception {
    return JsonPathCompiler.resultPath(path).apply(sq(input), sq(result));
  }

  @Test
  void dollarReplacesTheInput() throws Exception {
    assertJson(apply("$", "{'a': 1}", "'hello'"), "\"hello\"");
  }

  @Test
  void resultIsAddedBesideTheInput() throws Exception {
    assertJson(
        apply("$.taskresult", "{'a': 1}", "{'r': 2}"), sq("{'a': 1, 'taskresult': {'r': 2}}"));
  }

  @Test
  void existingValueIsReplaced() throws Exception {
    assertJson(apply("$.a", "{'a': 1, 'b': 2}", "[3]"), sq("{'a': [3], 'b': 2}"));
  }

  @Test
  void missingIntermediateObjectsAreCreated() throws Exception {
    assertJson(
        apply("$.x.y['z w']", "{'a': 1}", "true"), sq("{'a': 1, 'x': {'y': {'z w': true}}}"));
    assertJson(apply("$.a.new", "{'a': {'old': 0}}", "1"), sq("{'a': {'old': 0, 'new': 1}}"));
  }

  @Test
  void arrayElementsCanBeReplacedByIndex() throws Exception {
    assertJson(apply("$.list[1]", "{'list': [1, 2, 3]}", "'two'"), sq("{'list': [1, 'two', 3]}"));
    assertJson(apply("$.list[-1].k", "{'list': [{}, {}]}", "0"), sq("{'list': [{}, {'k': 0}]}"));
  }

  @Test
  void theCallersInputIsNeverModified() throws Exception {
    JsonNode input = sq("{'a': {'b': {'c': 1}}, 'list': [{'x': 1}]}");
    JsonNode before = input.deepCopy();
    ResultPathExpr path = JsonPathCompiler.resultPath("$.a.b.d");
    JsonNode out = path.apply(input, json("5"));
    JsonPathCompiler.resultPath("$.list[0].y").apply(input, json("6"));
    assertThat(input).isEqualTo(before);
    assertJson(out, sq("{'a': {'b': {'c': 1, 'd': 5}}, 'list': [{'x': 1}]}"));
  }

  @Test
  void nonObjectOnThePathFailsWithAwsCause() {
    AslFailure f =
        failure(
            () ->
                JsonPathCompiler.resultPath("$.someTaskResult")
                    .apply(json("\"input1\""), json("1")));
    assertThat(f.error()).isEqualTo("States.ResultPathMatchFailure");
    assertThat(f.cause())
        .isEqualTo("Unable to apply ReferencePath $.someTaskResult to input \"input1\"");
  }

  @Test
  void writingThroughAScalarOrNullFails() {
    for (String input : new String[] {"{'a': 5}", "{'a': null}", "{'a': [1]}"}) {
      AslFailure f = failure(() -> apply("$.a.b", input, "1"));
      assertThat(f.error()).isEqualTo("States.ResultPathMatchFailure");
      assertThat(f.cause()).startsWith("Unable to apply ReferencePath $.a.b to input {\"a\":");
    }
  }

  @Test
  void indexesMustNameAnExistingElement() {
    assertThat(failure(() -> apply("$.list[3]", "{'list': [1]}", "1")).error())
        .isEqualTo("States.ResultPathMatchFailure");
    assertThat(failure(() -> apply("$.none[0]", "{}", "1")).error())
        .isEqualTo("States.ResultPathMatchFailure");
    assertThat(failure(() -> apply("$.obj[0]", "{'obj': {}}", "1")).error())
        .isEqualTo("States.ResultPathMatchFailure");
  }

  @Test
  void nullInputCanOnlyBeReplaced() throws Exception {
    assertJson(apply("$", "null", "1"), "1");
    assertThat(failure(() -> apply("$.x", "null", "1")).error())
        .isEqualTo("States.ResultPathMatchFailure");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$$.Execution", "$var.x", "$.a[*]", "$..a", "$.a[?(@.b)]", "$.a[0:1]"})
  void onlyReferencePathsIntoTheInputCompile(String path) {
    assertThatThrownBy(() -> JsonPathCompiler.resultPath(path))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.kind()).isEqualTo(ExpressionException.Kind.INVALID_PATH));
  }

  @Test
  void textIsThePathAsWritten() throws Exception {
    assertThat(JsonPathCompiler.resultPath("$.a['b']").text()).isEqualTo("$.a['b']");
  }
}
