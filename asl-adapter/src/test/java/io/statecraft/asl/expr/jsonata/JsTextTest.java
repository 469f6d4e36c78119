package io.statecraft.asl.expr.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import com.dashjoin.jsonata.Jsonata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsTextTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0.0, 0",
    "3, 3",
    "3.0, 3",
    "-2.5, -2.5",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "1.5e21, 1.5e+21",
    "123456789012, 123456789012",
    "0.000001, 0.000001",
    "0.0000001, 1e-7",
    "1.5e-7, 1.5e-7",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "5e-324, 5e-324"
  })
  void numbersPrintAsJavaScriptPrintsThem(double value, String text) {
    assertThat(JsText.number(value)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "0.30000000000000004, 0.3",
    "123.456, 123.456",
    "1e20, 100000000000000000000",
    "1234567890123456789, 1234567890123460000",
    "2.0000000000000004, 2"
  })
  void stringRoundsToFifteenSignificantDigits(double value, String text) {
    assertThat(JsText.number15(value)).isEqualTo(text);
  }

  @Test
  void stringifyFollowsJsonStringify() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("s", "a\"b\n€\u0001");
    map.put("n", 1.5);
    map.put("i", 3L);
    map.put("z", null);
    map.put("l", List.of(true, Jsonata.NULL_VALUE));
    assertThat(JsText.stringify(map))
        .isEqualTo("{\"s\":\"a\\\"b\\n€\\u0001\",\"n\":1.5,\"i\":3,\"z\":null,\"l\":[true,null]}");
    assertThat(JsText.stringify(null)).isEqualTo("undefined");
    assertThat(JsText.stringify("x")).isEqualTo("\"x\"");
  }

  @Test
  void stringPrettifiesWithTwoSpaces() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", List.of(1, 2));
    map.put("c", Map.of());
    assertThat(JsText.jsonataString(map, true))
        .isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {}\n}");
    assertThat(JsText.jsonataString(map, false)).isEqualTo("{\"a\":1,\"b\":[1,2],\"c\":{}}");
  }
}
