package io.statecraft.asl.expr.jsonpath;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static io.statecraft.asl.expr.jsonpath.Fixtures.json;
import static io.statecraft.asl.expr.jsonpath.Fixtures.scope;
import static io.statecraft.asl.expr.jsonpath.Fixtures.sq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.ExpressionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {

  private static JsonNode evaluate(String template, String input) throws Exception {
    return JsonPathCompiler.template(sq(template)).evaluate(scope(sq(input)));
  }

  @Test
  void dynamicKeysTakeTheirPathsValueUnderTheStrippedKey() throws Exception {
    assertJson(
        evaluate("{'item.$': '$.items[0]', 'literal': 'x'}", "{'items': [{'item_key': 0}]}"),
        sq("{'item': {'item_key': 0}, 'literal': 'x'}"));
  }

  @Test
  void dynamicKeysWorkAtAnyDepthAndInsideArrays() throws Exception {
    assertJson(
        evaluate(
            "{'a': {'b': [{'c.$': '$.v'}, 'plain', [{'d.$': '$.w'}]]}, 'e': [1, 2]}",
            "{'v': 1, 'w': 2}"),
        sq("{'a': {'b': [{'c': 1}, 'plain', [{'d': 2}]]}, 'e': [1, 2]}"));
  }

  @Test
  void intrinsicCallsAreEvaluated() throws Exception {
    JsonNode template = json("{\"greeting.$\": \"States.Format('Hi {}', $.name)\"}");
    assertJson(
        JsonPathCompiler.template(template).evaluate(scope(sq("{'name': 'Ann'}"))),
        sq("{'greeting': 'Hi Ann'}"));
  }

  @Test
  void valuesThatLookLikePathsStayLiteralWithoutTheSuffix() throws Exception {
    assertJson(
        evaluate("{'p': '$.x', 'q': 'States.UUID()', 'r': '$$'}", "{'x': 1}"),
        sq("{'p': '$.x', 'q': 'States.UUID()', 'r': '$$'}"));
  }

  @Test
  void contextAndVariablePathsAreEvaluated() throws Exception {
    EvaluationScope scope =
        scope(json("{}"), sq("{'Map': {'Item': {'Value': 7}}}"), Map.of("bucket", json("\"b\"")));
    JsonNode out =
        JsonPathCompiler.template(sq("{'value.$': '$$.Map.Item.Value', 'bucket.$': '$bucket'}"))
            .evaluate(scope);
    assertJson(out, sq("{'value': 7, 'bucket': 'b'}"));
  }

  @Test
  void pathThatSelectsNothingFailsWithAwsCause() throws Exception {
    // Recorded: scenarios.test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH].
    PayloadTemplate t = JsonPathCompiler.template(sq("{'value.$': '$.no_such_jsonpath'}"));
    AslFailure f = failure(() -> t.evaluate(scope(sq("{'int-literal': 0}"))));
    assertThat(f.error()).isEqualTo("States.Runtime");
    assertThat(f.cause())
        .isEqualTo(
            "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found"
                + " in the input '{\"int-literal\":0}'");
  }

  @Test
  void contextPathThatSelectsNothingQuotesTheContextObject() throws Exception {
    PayloadTemplate t =
        JsonPathCompiler.template(sq("{'value.$': '$$.Execution.Input.no_such_jsonpath'}"));
    EvaluationScope scope =
        scope(
            sq("{'int-literal': 0}"), sq("{'Execution': {'Input': {'int-literal': 0}}}"), Map.of());
    AslFailure f = failure(() -> t.evaluate(scope));
    assertThat(f.cause())
        .isEqualTo(
            "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$'"
                + " could not be found in the input '{\"Execution\":{\"Input\":{\"int-literal\":0}}}'");
  }

  @Test
  void undefinedVariableFailsNamingTheVariable() throws Exception {
    PayloadTemplate t = JsonPathCompiler.template(sq("{'x.$': '$nope.a'}"));
    AslFailure f = failure(() -> t.evaluate(scope(json("{}"))));
    assertThat(f.error()).isEqualTo("States.Runtime");
    assertThat(f.cause()).contains("'$nope.a'").contains("'x.$'").contains("variable 'nope'");
  }

  @Test
  void failPathCauseNamesTheFieldAndQuotesTheInput() throws Exception {
    // Recorded: scenarios.test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_CAUSEPATH].
    var causePath = JsonPathCompiler.pathOrIntrinsic("$.NoSuchCausePath");
    assertThat(
            JsonPathCompiler.notFoundCause(
                causePath, "CausePath", scope(sq("{'Error': 'error-value'}"))))
        .isEqualTo(
            "The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be"
                + " found in the input '{\"Error\":\"error-value\"}'");
  }

  @Test
  void callerChoosesTheErrorNameForPathsThatSelectNothing() throws Exception {
    PayloadTemplate t = JsonPathCompiler.template(sq("{'value.$': '$.none'}"));
    AslFailure f = failure(() -> t.evaluate(scope(json("{}")), StatesError.PARAMETER_PATH_FAILURE));
    assertThat(f.error()).isEqualTo("States.ParameterPathFailure");
  }

  @Test
  void intrinsicFailuresKeepTheirOwnNameWhateverTheCallerChooses() throws Exception {
    PayloadTemplate t = JsonPathCompiler.template(sq("{'v.$': 'States.ArrayLength($.x)'}"));
    AslFailure f =
        failure(() -> t.evaluate(scope(sq("{'x': 1}")), StatesError.PARAMETER_PATH_FAILURE));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void indefinitePathThatMatchesNothingIsAnEmptyArrayNotAFailure() throws Exception {
    assertJson(evaluate("{'item.$': '$.items[*]'}", "{}"), sq("{'item': []}"));
  }

  @Test
  void constantTemplateIsReturnedAsWritten() throws Exception {
    PayloadTemplate t = JsonPathCompiler.template(sq("{'a': [1, {'b': null}]}"));
    assertThat(t.isConstant()).isTrue();
    assertJson(t.evaluate(scope(json("{}"))), sq("{'a': [1, {'b': null}]}"));
    assertThat(t.source()).isEqualTo(sq("{'a': [1, {'b': null}]}"));
  }

  @Test
  void nonObjectTemplatesAreAccepted() throws Exception {
    assertJson(JsonPathCompiler.template(json("[1, 2]")).evaluate(scope(json("{}"))), "[1, 2]");
    assertJson(JsonPathCompiler.template(json("\"$.x\"")).evaluate(scope(json("{}"))), "\"$.x\"");
  }

  @Test
  void evaluationDoesNotModifyTheInput() throws Exception {
    JsonNode input = sq("{'a': {'b': 1}}");
    JsonNode before = input.deepCopy();
    JsonPathCompiler.template(sq("{'x.$': '$.a', 'y.$': '$'}")).evaluate(scope(input));
    assertThat(input).isEqualTo(before);
  }

  @Test
  void dynamicValueMustBeAString() {
    assertThatThrownBy(() -> JsonPathCompiler.template(sq("{'a': {'x.$': 5}}")))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("'a/x.$'")
        .hasMessageContaining("must be a string");
  }

  @Test
  void keysThatCollideAfterStrippingTheSuffixAreRejected() {
    assertThatThrownBy(() -> JsonPathCompiler.template(sq("{'x': 1, 'x.$': '$.a'}")))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("'x'");
  }

  @Test
  void invalidPathInsideTheTemplateNamesTheField() {
    assertThatThrownBy(() -> JsonPathCompiler.template(sq("{'list': [{'x.$': '$.a[?('}]}")))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.kind()).isEqualTo(ExpressionException.Kind.INVALID_PATH))
        .hasMessageContaining("'list/0/x.$'");
  }

  @Test
  void invalidIntrinsicInsideTheTemplateIsAnIntrinsicError() {
    assertThatThrownBy(() -> JsonPathCompiler.template(sq("{'x.$': 'States.Nope()'}")))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.kind()).isEqualTo(ExpressionException.Kind.INVALID_INTRINSIC))
        .hasMessageContaining("unknown intrinsic function 'States.Nope'");
  }

  @Test
  void dynamicValueThatIsNeitherPathNorCallIsRejected() {
    assertThatThrownBy(() -> JsonPathCompiler.template(sq("{'x.$': 'hello'}")))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("neither a path");
  }
}
