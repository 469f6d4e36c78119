package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static io.statecraft.asl.expr.jsonpath.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.statecraft.asl.error.AslFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFunctionsTest {

  private static String input(String text) {
    return "{\"v\": " + TextNode.valueOf(text) + "}";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``                          | null",
        "` `                         | null",
        "null                        | null",
        "-0                          | 0",
        "1                           | 1",
        "1.1                         | 1.1",
        "true                        | true",
        "\"HelloWorld\"              | \"HelloWorld\"",
        "[1, 2, \"HelloWorld\"]      | [1, 2, \"HelloWorld\"]",
        "{\"Arg1\": 1, \"Arg2\": []} | {\"Arg1\": 1, \"Arg2\": []}"
      })
  void stringToJsonParsesTheString(String text, String expected) {
    // Recorded against AWS: intrinsic_functions.test_json_manipulation.test_string_to_json.
    String value = text == null ? "" : text;
    assertJson(eval("States.StringToJson($.v)", input(value)), expected.strip());
  }

  @Test
  void stringToJsonRejectsTextThatIsNotJson() {
    for (String bad : new String[] {"{", "[1,", "nope", "1 2", "{\"a\":1}}"}) {
      AslFailure f = failure(() -> eval("States.StringToJson($.v)", input(bad)));
      assertThat(f.error()).as(bad).isEqualTo("States.IntrinsicFailure");
      assertThat(f.cause()).contains("not valid JSON");
    }
    AslFailure f = failure(() -> eval("States.StringToJson($.v)", "{\"v\": {}}"));
    assertThat(f.cause()).contains("expected a string");
  }

  @Test
  void stringToJsonOfALiteralWithEscapedQuotes() {
    // Recorded against AWS: test_json_manipulation.test_json_merge_escaped_argument.
    assertJson(
        eval("States.StringToJson('{\"constant_in_literal\": \"false\"}')", "{}"),
        "{\"constant_in_literal\": \"false\"}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "null                        | null",
        "0                           | 0",
        "1                           | 1",
        "1.1                         | 1.1",
        "true                        | true",
        "\"HelloWorld\"              | \"HelloWorld\"",
        "[1, 2, \"HelloWorld\"]      | [1,2,\"HelloWorld\"]",
        "{\"Arg1\": 1, \"Arg2\": []} | {\"Arg1\":1,\"Arg2\":[]}"
      })
  void jsonToStringWritesCompactJson(String value, String expected) {
    // Recorded against AWS: intrinsic_functions.test_json_manipulation.test_json_to_string.
    assertThat(eval("States.JsonToString($.v)", "{\"v\": " + value + "}").textValue())
        .isEqualTo(expected.strip());
  }

  @Test
  void jsonMergeIsShallowAndTheSecondObjectWins() {
    String in =
        "{\"fst\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2, \"d\": 3},"
            + " \"snd\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3, \"d\": 4}}";
    assertJson(
        eval("States.JsonMerge($.fst, $.snd, false)", in),
        "{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"d\": 4, \"c\": 3}");
  }

  @Test
  void jsonMergeOfParsedLiteralAndContextValue() throws Exception {
    // Recorded against AWS: test_json_manipulation.test_json_merge_escaped_argument.
    var call =
        io.statecraft.asl.expr.jsonpath.JsonPathCompiler.pathOrIntrinsic(
            "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'),"
                + " $$.Execution.Input.input_field, false)");
    var scope =
        io.statecraft.asl.expr.jsonpath.Fixtures.scope(
            json("{}"),
            json(
                "{\"Execution\": {\"Input\": {\"input_field\": {\"constant_input_field\":"
                    + " \"constant_value\"}}}}"),
            java.util.Map.of());
    assertJson(
        call.evaluate(scope),
        "{\"constant_input_field\": \"constant_value\", \"constant_in_literal\": \"false\"}");
  }

  @Test
  void jsonMergeRejectsDeepMergeAndNonObjects() {
    String in = "{\"a\": {\"x\": 1}, \"b\": {\"y\": 2}, \"t\": true, \"arr\": [1]}";
    AslFailure f = failure(() -> eval("States.JsonMerge($.a, $.b, $.t)", in));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("only shallow merging");
    f = failure(() -> eval("States.JsonMerge($.a, $.arr, false)", in));
    assertThat(f.cause()).contains("argument 2 of States.JsonMerge: expected a JSON object");
    f = failure(() -> eval("States.JsonMerge($.a, $.b, $.a)", in));
    assertThat(f.cause()).contains("expected a boolean");
  }

  @Test
  void jsonMergeDoesNotModifyItsArguments() {
    var input = json("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2, \"y\": 3}}");
    var before = input.deepCopy();
    eval("States.JsonMerge($.a, $.b, false)", input);
    assertThat(input).isEqualTo(before);
  }
}
