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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$formatNumber(12345.6, '#,###.00')          | 12,345.60",
        "$formatNumber(1234.5678, '00.000e0')        | 12.346e2",
        "$formatNumber(34.555, '#0.00;(#0.00)')      | 34.56",
        "$formatNumber(-34.555, '#0.00;(#0.00)')     | (34.56)",
        "$formatNumber(0.14, '01%')                  | 14%",
        "$formatNumber(0.4857,'###.###‰')            | 485.7‰",
        "$formatNumber(1234.5678, '#,##0.00')        | 1,234.57",
        "$formatNumber(2.675, '0.00')                | 2.68",
        "$formatNumber(2.665, '0.00')                | 2.66",
        "$formatNumber(0, '#')                       | 0",
        "$formatNumber(0.5, '#.##')                  | .5",
        "$formatNumber(0, '#.##')                    | .0",
        "$formatNumber(-6, '000')                    | -006",
        "$formatNumber(1234.5678, '# ##0,00', {'decimal-separator': ',', 'grouping-separator': ' '}) | 1 234,57",
        "$formatNumber(42, '0 EUR')                  | 42 EUR",
        "$formatNumber(42, 'USD 0')                  | USD 42"
      })
  void formatNumberFollowsTheXpathPicture(String body, String expected) {
    assertThat(eval(body).asText()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "x           | D3086: The sub-picture must not contain a passive character that is preceded by"
            + " an active character and that is followed by another active character",
        "#;#;#       | D3080: The picture string must only contain a maximum of two sub-pictures",
        "#.#.#       | D3081: The sub-picture must not contain more than one instance of the"
            + " 'decimal-separator' character",
        "#%%         | D3082: The sub-picture must not contain more than one instance of the 'percent'"
            + " character",
        "#,.0        | D3087: The sub-picture must not contain a 'grouping-separator' character that"
            + " appears adjacent to a 'decimal-separator' character",
        "#,          | D3088: The sub-picture must not contain a 'grouping-separator' at the end of the"
            + " integer part",
        "#,,#        | D3089: The sub-picture must not contain two adjacent instances of the"
            + " 'grouping-separator' character",
        "0#          | D3090: The integer part of the sub-picture must not contain a member of the"
            + " 'decimal digit family' that is followed by an instance of the 'optional digit"
            + " character'",
        "#.#0        | D3091: The fractional part of the sub-picture must not contain an instance of"
            + " the 'optional digit character' that is followed by a member of the 'decimal digit"
            + " family'",
        "#e0%        | D3092: A sub-picture that contains a 'percent' or 'per-mille' character must"
            + " not contain a character treated as an 'exponent-separator'",
        "0.0e#       | D3093: The exponent part of the sub-picture must comprise only of one or more"
            + " characters that are members of the 'decimal digit family'"
      })
  void formatNumberRefusesPicturesTheSpecificationRefuses(String picture, String detail) {
    assertThat(cause("$formatNumber(1, '" + picture + "')")).endsWith(". " + detail);
  }
}
