package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.JsonataEvaluationTest.cause;
import static io.statecraft.asl.expr.jsonata.JsonataEvaluationTest.eval;
import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the library departs from JSONata 2.0.6, the version AWS runs, and the engine follows 2.0.6.
 * The package documentation lists the differences.
 */
class VersionGapTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$number('2')      | 2",
        "$number('-1.5e2') | -150",
        "$number('0x1A')   | 26",
        "$number('0o17')   | 15",
        "$number('0b101')  | 5",
        "$number(true)     | 1",
        "$number(false)    | 0",
        "$number(7)        | 7"
      })
  void numberCastsTheNumeralsJsonataAccepts(String body, String expected) {
    assertThat(eval(body)).isEqualTo(json(expected));
  }

  @ParameterizedTest
  @CsvSource({"' 1'", "'1.'", "'.5'", "'NaN'", "'Infinity'", "'1d'", "'0x1p3'", "''", "'1e999'"})
  void numberRefusesWhatJsonataRefuses(String text) {
    assertThat(cause("$number('" + text + "')"))
        .endsWith(". D3030: Unable to cast value to a number: \"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$string(1e20)                     | 100000000000000000000",
        "$string(1e21)                     | 1e+21",
        "$string(0.1 + 0.2)                | 0.3",
        "$string(-0.000001)                | -0.000001",
        "$string(1.5e-7)                   | 1.5e-7",
        "$string({'a': [1, 'x€–', null]})  | {\"a\":[1,\"x€–\",null]}",
        "$string(true)                     | true",
        "$string('as is')                  | as is",
        "$string($states.input.nul)        | null"
      })
  void stringWritesJavaScriptNumbersAndUnescapedText(String body, String expected) {
    assertThat(eval(body).asText()).isEqualTo(expected);
  }

  @Test
  void lowercaseAndUppercaseIgnoreTheHostLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(eval("$uppercase('title')")).isEqualTo(json("\"TITLE\""));
      assertThat(eval("$lowercase('TITLE')")).isEqualTo(json("\"title\""));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$replace('a.b.c', '.', '-')             | a-b-c",
        "$replace('a.b.c', '.', '-', 1)          | a-b.c",
        "$replace('abcabc', 'b', '$0', 1)        | a$0cabc",
        "$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1') | Smith, John",
        "$replace('265USD', /([0-9]+)USD/, '$$$1')  | $265",
        "$replace('abc', /b/, '[$0]')            | a[b]c",
        "$replace('abc', /(b)/, '$2')            | ac",
        "$replace('a1b2', /[0-9]/, function($m){ $string($number($m.match) * 2) }) | a2b4",
        "$replace('aaa', /a/, 'b', 2)            | bba",
        "$replace('', /x*/, '-')                 | -"
      })
  void replaceFollowsJsonata(String body, String expected) {
    assertThat(eval(body).asText()).isEqualTo(expected);
  }

  @Test
  void replaceFailsAsJsonataDoes() {
    assertThat(cause("$replace('abc', /x*/, '-')"))
        .endsWith(". D1004: Regular expression matches zero length string");
    assertThat(cause("$replace('abc', /b/, function($m){ 1 })"))
        .endsWith(". D3012: Attempted to replace a matched string with a non-string value");
    assertThat(cause("$replace('abc', /b/, function($m){ $undefined() })"))
        .endsWith(". T1006: Attempted to invoke a non-function");
    assertThat(cause("$replace('abc', 'b', 'c', -1)"))
        .endsWith(
            ". D3011: Fourth argument of replace function must evaluate to a positive number");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$pad('foo', 5)        | 'foo  '",
        "$pad('foo', -5)       | '  foo'",
        "$pad('foo', -5, '#')  | '##foo'",
        "$pad('foo', 8, 'ab')  | 'fooababa'",
        "$pad('foo', 2)        | 'foo'",
        "$pad('€', 3, '–')     | '€––'"
      })
  void padPadsToTheWidth(String body, String expected) {
    assertThat(eval(body).asText()).isEqualTo(expected);
  }

  @Test
  void padBeyondTheMemoryBoundFailsAtOnce() {
    assertThat(cause("$pad('x', 1e12)")).contains("memory limit exceeded");
  }
}
