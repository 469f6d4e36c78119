package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.ExpressionException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonataCompilerTest {

  @ParameterizedTest
  @ValueSource(strings = {"{%$x%}", "{% $x %}", "{%\n  $x\n%}", "{% '%}' %}", "{%%}"})
  void aStringIsAnExpressionWhenItStartsWithTheOpeningAndEndsWithTheClosingDelimiter(String s) {
    assertThat(JsonataCompiler.isExpression(json(Scopes.MAPPER.valueToTree(s).toString())))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " {% $x %}",
        "{% $x %} ",
        "price: {% $x %}",
        "{% $x",
        "$x %}",
        "{%}",
        "{%",
        "100%}",
        "{ % $x % }",
        ""
      })
  void anythingElseIsALiteralString(String s) {
    assertThat(JsonataCompiler.isExpression(s)).isFalse();
  }

  @Test
  void onlyStringsCanBeExpressions() {
    assertThat(JsonataCompiler.isExpression(json("{\"{% $x %}\": 1}"))).isFalse();
    assertThat(JsonataCompiler.isExpression(json("[\"{% $x %}\"]"))).isFalse();
    assertThat(JsonataCompiler.isExpression(json("12"))).isFalse();
    assertThat(JsonataCompiler.isExpression((com.fasterxml.jackson.databind.JsonNode) null))
        .isFalse();
  }

  @Test
  void theExpressionTextIsTheBodyWithoutSurroundingWhitespace() throws Exception {
    assertThat(JsonataCompiler.body("{%   $states.input.a \n%}")).isEqualTo("$states.input.a");
    assertThat(JsonataCompiler.expression(" $states.input.a ").text()).isEqualTo("$states.input.a");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                | Unexpected end of expression",
        "1 +               | Unexpected end of expression",
        "$x :=             | Unexpected end of expression",
        "a[1,2)            | Expected \"]\", got \",\"",
        "\"unterminated    | String literal must be terminated by a matching quote",
        "{\"a\":}          | The symbol \"}\" cannot be used as a unary operator",
        "$match(\"a\", /abc | No terminating / in regular expression",
        "$x ?? 1           | The symbol \"?\" cannot be used as a unary operator",
        "$x ?: 1           | The symbol \":\" cannot be used as a unary operator",
        "$states.input.a ) | Syntax error: \")\""
      })
  void anExpressionThatDoesNotParseIsInvalidWithJsonatasMessage(String body, String message) {
    assertThatThrownBy(() -> JsonataCompiler.expression(body, "Output"))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID_JSONATA);
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.getCause()).hasMessageContaining(body.trim());
            });
  }

  @Test
  void aSyntaxErrorsDetailNamesItsPosition() {
    assertThatThrownBy(() -> JsonataCompiler.expression("a[1,2)"))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.getCause()).hasMessageContaining("at position 4"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "phone",
        "phone[0].number",
        "-phone",
        "phone ? 1 : 2",
        "$states.input.a ? phone : 2",
        "phone & 'x'",
        "$sum(phone)",
        "phone(1)",
        "phone ~> $string()",
        "[1..phone]",
        "(phone).other",
        "[phone, 1]",
        "{phone: 1}",
        "($x := phone; $x)",
        "$map($states.input.a, function($y){ phone })",
        "$count(phone[inner])",
        "phone.**.deeper"
      })
  void aFieldNameReadAtTheTopLevelIsUnsupported(String body) {
    assertThatThrownBy(() -> JsonataCompiler.expression(body))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_JSONATA);
              assertThat(e.getMessage())
                  .isEqualTo("Reference to 'phone' at the top level is not supported.");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "$.phone", "$[0]", "$string($)"})
  void theContextItemAtTheTopLevelIsUnsupported(String body) {
    assertThatThrownBy(() -> JsonataCompiler.expression(body))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_JSONATA);
              assertThat(e.getMessage())
                  .isEqualTo("Reference to '$' at the top level is not supported.");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"$$", "$$.phone"})
  void theRootDocumentIsUnsupported(String body) {
    assertThatThrownBy(() -> JsonataCompiler.expression(body))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_JSONATA);
              assertThat(e.getMessage()).startsWith("Reference to '$$' is not supported");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$states.input.phone",
        "$states.input.a[0].phone",
        "$states.input.items[phone > 3]",
        "$states.input.a^(phone)",
        "$states.input.a{'k': phone}",
        "$states.input.a.(phone)",
        "$phone",
        "$states.input ~> |phone|{'b': 1}|",
        "**.phone",
        "{'k': 1}.phone",
        "$states.input.a[$ > 1]",
        "function($x){ $x.phone }",
        "'phone'",
        "1 + 1",
        "$now()",
        "$eval('1')"
      })
  void namesReadFromAValueOtherThanTheInputDocumentAreAccepted(String body) throws Exception {
    assertThat(JsonataCompiler.expression(body).text()).isEqualTo(body);
  }

  @Test
  void theStatesFieldsAnExpressionReadsAreKnownAtCompileTime() throws Exception {
    JsonataExpression e =
        JsonataCompiler.expression(
            "$states.input.a & $states.result.b & $count($states.errorOutput)", "Output");
    assertThat(e.statesFields()).containsExactlyInAnyOrder("input", "result", "errorOutput");
    assertThat(e.readsWholeStates()).isFalse();
    assertThat(JsonataCompiler.expression("$keys($states)", "").readsWholeStates()).isTrue();
  }

  @Test
  void aTemplateCollectsTheStatesFieldsOfAllItsExpressions() throws Exception {
    JsonataTemplate t =
        JsonataCompiler.template(
            json("{\"a\":\"{% $states.input %}\",\"b\":[1,\"{% $states.context.x %}\"]}"),
            "Arguments");
    assertThat(t.statesFields()).containsExactlyInAnyOrder("input", "context");
    assertThat(t.isLiteral()).isFalse();
    assertThat(t.field()).isEqualTo("Arguments");
  }

  @Test
  void aTemplateWithoutExpressionsIsLiteral() throws Exception {
    JsonataTemplate t = JsonataCompiler.template(json("{\"a\":[1,\"$x\",{\"b\":\"{%\"}]}"), "");
    assertThat(t.isLiteral()).isTrue();
    assertThat(t.evaluate(Scopes.scope("{}"))).isEqualTo(t.source());
  }

  @Test
  void aTemplateFailsToCompileOnItsFirstInvalidExpression() {
    assertThatThrownBy(
            () ->
                JsonataCompiler.template(
                    json("{\"ok\":\"{% 1 %}\",\"bad\":\"{% 1 + %}\"}"), "Output"))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.getMessage()).isEqualTo("Unexpected end of expression"));
  }

  @Test
  void problemsListsEveryInvalidExpressionWithItsPointer() {
    List<JsonataCompiler.Problem> problems =
        JsonataCompiler.problems(
            json(
                "{\"ok\":\"{% 1 %}\",\"a/b\":\"{% 1 + %}\",\"list\":[0,\"{% phone %}\"],"
                    + "\"{% x %}\":\"{% $ %}\"}"));
    assertThat(problems)
        .extracting(JsonataCompiler.Problem::pointer)
        .containsExactly("/a~1b", "/list/1", "/{% x %}");
    assertThat(problems)
        .extracting(p -> p.error().kind())
        .containsExactly(Kind.INVALID_JSONATA, Kind.UNSUPPORTED_JSONATA, Kind.UNSUPPORTED_JSONATA);
    assertThat(JsonataCompiler.problems(json("\"{% %}\"")))
        .singleElement()
        .satisfies(p -> assertThat(p.pointer()).isEmpty());
  }

  @Test
  void withFieldRenamesTheFieldWithoutRecompiling() throws Exception {
    JsonataExpression e = JsonataCompiler.expression("$x", "Items");
    JsonataExpression renamed = e.withField("Seconds");
    assertThat(renamed.field()).isEqualTo("Seconds");
    assertThat(renamed.text()).isEqualTo(e.text());
    assertThat(e.withField("Items")).isSameAs(e);
  }
}
