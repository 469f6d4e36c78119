package io.statecraft.asl.expr.jsonpath;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static io.statecraft.asl.expr.jsonpath.Fixtures.json;
import static io.statecraft.asl.expr.jsonpath.Fixtures.scope;
import static io.statecraft.asl.expr.jsonpath.Fixtures.sq;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.ExpressionException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathEvaluationTest {

  private static final JsonNode DOC =
      sq(
          "{'a': {'b': [10, 20, {'c d': 'x', 'e': null}]}, 'n': 1, 'users': [{'year': 1997,"
              + " 'status': 0}, {'year': 1998, 'status': 1}], 'dash-key': 'v', 'list': [1, 2, 3,"
              + " 4, 5]}");

  private static JsonNode read(String path, JsonNode input) throws ExpressionException {
    return JsonPathCompiler.path(path).evaluate(scope(input));
  }

  @Test
  void rootSelectsTheWholeInput() throws Exception {
    assertThat(read("$", DOC)).isSameAs(DOC);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "$.n                 | 1",
        "$.a.b[0]            | 10",
        "$.a.b[1]            | 20",
        "$.a.b[-1]['c d']    | 'x'",
        "$['a']['b'][2].e    | null",
        "$['a'].b[2]['c d']  | 'x'",
        "$.dash-key          | 'v'",
        "$.a.b[2]            | {'c d': 'x', 'e': null}"
      })
  void referencePathsSelectOneNode(String path, String expected) throws Exception {
    assertJson(read(path.strip(), DOC), sq(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "$.missing",
    "$.a.missing",
    "$.a.b[3]",
    "$.a.b[-4]",
    "$.n.deeper",
    "$.a[0]",
    "$.a.b.c",
    "$.list[100]"
  })
  void definitePathThatSelectsNothingIsMissingNotNull(String path) throws Exception {
    JsonNode result = read(path, DOC);
    assertThat(result.isMissingNode()).as(path).isTrue();
  }

  @Test
  void presentNullIsNullNodeNotMissing() throws Exception {
    JsonNode result = read("$.a.b[2].e", DOC);
    assertThat(result.isNull()).isTrue();
    assertThat(result.isMissingNode()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "$.list[*]                     | [1, 2, 3, 4, 5]",
        "$.list[1:3]                   | [2, 3]",
        "$.list[:2]                    | [1, 2]",
        "$.list[-2:]                   | [4, 5]",
        "$.list[0,2]                   | [1, 3]",
        "$.users[?(@.status == 0)]     | [{'year': 1997, 'status': 0}]",
        "$.users[?(@.year > 1997)].year| [1998]",
        "$..year                       | [1997, 1998]",
        "$.users[*].status             | [0, 1]",
        "$['n','dash-key']             | {'n': 1, 'dash-key': 'v'}"
      })
  void indefinitePathsAnswerAnArrayOfMatches(String path, String expected) throws Exception {
    assertJson(read(path.strip(), DOC), sq(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "$[*]",
    "$.items[*]",
    "$.item.items[*]",
    "$.item.items[1:5]",
    "$.items[:1].itemValue"
  })
  void indefinitePathOverMissingDataIsAnEmptyArray(String path) throws Exception {
    // Recorded against AWS: base.test_base.test_json_path_array_wildcard_or_slice_with_no_input.
    assertJson(read(path, json("{}")), "[]");
  }

  @Test
  void wildcardOnAnObjectSelectsItsValues() throws Exception {
    assertJson(read("$.*", sq("{'x': 1, 'y': [2]}")), "[1, [2]]");
  }

  @Test
  void filterOnStringsAndRegularExpressions() throws Exception {
    JsonNode input = sq("{'items': [{'n': 'apple'}, {'n': 'banana'}, {'n': 'avocado'}]}");
    assertJson(read("$.items[?(@.n =~ /a.*o/)].n", input), "[\"avocado\"]");
    assertJson(read("$.items[?(@.n == 'banana')].n", input), "[\"banana\"]");
  }

  @Test
  void lengthFunctionCountsArrayItems() throws Exception {
    assertJson(read("$.list.length()", DOC), "5");
  }

  @Test
  void quotedNamesKeepBackslashesThatEscapeNothing() throws Exception {
    // Recorded against AWS: scenarios.test_escape_sequence_parsing[ESCAPE_SEQUENCES_JSONPATH].
    JsonNode input = json("{\"Test\\\\\\\"\\\"Name\\\"\": \"Value\\\"\\\\\"}");
    String path = "$['Test\\\"\"Name\"']";
    assertJson(read(path, input), json("\"Value\\\"\\\\\""));
  }

  @Test
  void quotedNamesResolveEscapedQuotes() throws Exception {
    assertJson(read("$['it\\'s']", json("{\"it's\": 1}")), "1");
    assertJson(read("$['.dots.and[brackets]']", sq("{'.dots.and[brackets]': 2}")), "2");
  }

  @Test
  void contextPathsReadTheContextObject() throws Exception {
    JsonNode context = sq("{'Execution': {'Input': {'input-value': 0}}, 'State': {'Name': 'S'}}");
    EvaluationScope scope = scope(json("{}"), context, Map.of());
    assertJson(JsonPathCompiler.path("$$.State.Name").evaluate(scope), "\"S\"");
    assertJson(JsonPathCompiler.path("$$.Execution.Input.input-value").evaluate(scope), "0");
    assertThat(JsonPathCompiler.path("$$").evaluate(scope)).isSameAs(context);
    assertJson(JsonPathCompiler.path("$$.Execution.*").evaluate(scope), "[{\"input-value\": 0}]");
  }

  @Test
  void variablePathsReadTheVariable() throws Exception {
    EvaluationScope scope =
        scope(json("{}"), json("{}"), Map.of("answer", json("42"), "obj", sq("{'a': [5, 6]}")));
    assertJson(JsonPathCompiler.path("$answer").evaluate(scope), "42");
    assertJson(JsonPathCompiler.path("$obj.a[1]").evaluate(scope), "6");
    assertJson(JsonPathCompiler.path("$obj['a'][0]").evaluate(scope), "5");
    assertJson(JsonPathCompiler.path("$obj.a[*]").evaluate(scope), "[5, 6]");
  }

  @Test
  void undefinedVariableSelectsNothing() throws Exception {
    EvaluationScope scope = scope(json("{}"));
    assertThat(JsonPathCompiler.path("$nope").evaluate(scope).isMissingNode()).isTrue();
    assertThat(JsonPathCompiler.path("$nope.a[0]").evaluate(scope).isMissingNode()).isTrue();
  }

  @Test
  void pathOverNullInputFailsLikeAws() throws Exception {
    CompiledPath path = JsonPathCompiler.path("$");
    AslFailure f = failure(() -> path.evaluate(Fixtures.scopeWithNullInput()));
    assertThat(f.error()).isEqualTo("States.Runtime");
    assertThat(f.cause()).isEqualTo("Unable to apply Path transformation to null or empty input.");
  }

  @Test
  void contextAndVariablePathsDoNotCareAboutNullInput() throws Exception {
    EvaluationScope scope =
        scope(
            com.fasterxml.jackson.databind.node.NullNode.getInstance(),
            sq("{'a': 1}"),
            Map.of("v", json("2")));
    assertJson(JsonPathCompiler.path("$$.a").evaluate(scope), "1");
    assertJson(JsonPathCompiler.path("$v").evaluate(scope), "2");
  }

  @Test
  void evaluationNeverModifiesTheDocument() throws Exception {
    JsonNode input = DOC.deepCopy();
    read("$..year", input);
    read("$.users[?(@.status == 0)]", input);
    read("$.a.b[2]['c d']", input);
    assertThat(input).isEqualTo(DOC);
  }

  @Test
  void functionsThatWouldChangeTheDocumentReadACopy() throws Exception {
    JsonNode input = sq("{'list': [1, 2]}");
    assertJson(read("$.list.append(3)", input), "[1, 2, 3]");
    assertJson(input, sq("{'list': [1, 2]}"));
    assertJson(read("$.list.sum()", input), "3");
  }

  @Test
  void normalizedPathIsBracketNotation() throws Exception {
    assertThat(JsonPathCompiler.path("$.NoSuchInputPath").normalizedPath())
        .isEqualTo("$['NoSuchInputPath']");
    assertThat(JsonPathCompiler.path("$.a['b c'][3]").normalizedPath())
        .isEqualTo("$['a']['b c'][3]");
  }

  @Test
  void noResultsCauseMatchesTheRecordedInputPathFailure() throws Exception {
    // Recorded: scenarios.test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH].
    assertThat(JsonPathCompiler.noResultsCause(JsonPathCompiler.path("$.NoSuchInputPath")))
        .isEqualTo("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
  }

  @Test
  void selectAppliesThePathToAnyDocument() throws Exception {
    assertJson(JsonPathCompiler.path("$$.x").select(sq("{'x': 3}")), "3");
  }
}
