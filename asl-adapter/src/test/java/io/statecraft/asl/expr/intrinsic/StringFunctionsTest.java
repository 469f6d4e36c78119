package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static io.statecraft.asl.expr.jsonpath.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringFunctionsTest {

  private static String format(String value) {
    JsonNode input = json("{\"v\": " + value + "}");
    return eval("States.Format('Formatting argument {}.', $.v)", input).textValue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"\"                          | Formatting argument .",
        "\" \"                         | Formatting argument  .",
        "\"HelloWorld\"                | Formatting argument HelloWorld.",
        "null                          | Formatting argument null.",
        "1                             | Formatting argument 1.",
        "1.1                           | Formatting argument 1.1.",
        "true                          | Formatting argument true.",
        "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\" | Formatting argument {\"Arg1\": 1, \"Arg2\": []}.",
        "{\"Arg1\": 1, \"Arg2\": []}   | Formatting argument {Arg1=1, Arg2=[]}.",
        "[1, \"a\", null, {\"k\": [true]}] | Formatting argument [1, a, null, {k=[true]}]."
      })
  void formatRendersValuesLikeAws(String value, String expected) {
    // Recorded against AWS: intrinsic_functions.test_generic.test_format_1 and test_format_2
    // (objects render as {Arg1=1, Arg2=[]}).
    assertThat(format(value.strip())).isEqualTo(expected.strip());
  }

  @Test
  void formatFillsPlaceholdersInOrder() {
    assertJson(
        eval(
            "States.Format('Formatting arguments fst={} and snd={}.', $.fst, $.snd)",
            "{\"fst\": \"\", \"snd\": 1.1}"),
        "\"Formatting arguments fst= and snd=1.1.\"");
    assertJson(eval("States.Format('no placeholders')", "{}"), "\"no placeholders\"");
    assertJson(eval("States.Format('{}{}', 'a', 'b')", "{}"), "\"ab\"");
  }

  @Test
  void escapedBracesAreNotPlaceholders() {
    assertJson(eval("States.Format('\\{\\} is {}', 1)", "{}"), "\"{} is 1\"");
    assertJson(eval("States.Format('a \\{} b {}', 1)", "{}"), "\"a {} b 1\"");
    assertJson(eval("States.Format('it\\'s {}', 'me')", "{}"), "\"it's me\"");
  }

  @Test
  void templateFromAPathTreatsEveryPairOfBracesAsAPlaceholder() {
    // The AWS developer guide: States.Format($.template, $.name).
    assertJson(
        eval(
            "States.Format($.template, $.name)",
            "{\"name\": \"Arnav\", \"template\": \"Hello, my name is {}.\"}"),
        "\"Hello, my name is Arnav.\"");
  }

  @Test
  void formatFailsWhenPlaceholdersAndValuesDiffer() {
    AslFailure f = failure(() -> eval("States.Format($.t, 1)", "{\"t\": \"{} and {}\"}"));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("2 placeholder(s) {} but 1 argument(s)");
    f = failure(() -> eval("States.Format($.t)", "{\"t\": 5}"));
    assertThat(f.cause()).contains("expected a string but got number 5");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\" \"                         | \",\"    | [\" \"]",
        "\" , \"                       | \",\"    | [\" \", \" \"]",
        "\", , ,\"                     | \",\"    | [\" \", \" \"]",
        "\",,,,\"                      | \",\"    | []",
        "\"1,2,3,4,5\"                 | \",\"    | [\"1\",\"2\",\"3\",\"4\",\"5\"]",
        "\"This.is+a,test=string\"     | \".+,=\" | [\"This\",\"is\",\"a\",\"test\",\"string\"]",
        "\"split on T and \\nnew line\"| \"T\\n\" | [\"split on \",\" and \",\"new line\"]",
        "\"\"                          | \",\"    | []",
        "\"abc\"                       | \"\"     | [\"abc\"]"
      })
  void splitTreatsEveryDelimiterCharacterAloneAndDropsEmptyPieces(
      String text, String delimiters, String expected) {
    // Recorded against AWS: intrinsic_functions.test_string_operations.test_string_split.
    String input = "{\"s\": " + text.strip() + ", \"d\": " + delimiters.strip() + "}";
    assertJson(eval("States.StringSplit($.s, $.d)", input), expected.strip());
  }

  @Test
  void splitOnLiteralNewline() {
    // Recorded: intrinsic_functions.test_generic.test_escape_sequence (a JSON \n in the
    // definition).
    assertJson(eval("States.StringSplit('Hello\nWorld', '\n')", "{}"), "[\"Hello\", \"World\"]");
  }

  @Test
  void splitRejectsNonStrings() {
    AslFailure f = failure(() -> eval("States.StringSplit($.s, ',')", "{\"s\": [1]}"));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("argument 1 of States.StringSplit: expected a string");
  }
}
