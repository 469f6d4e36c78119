package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.statecraft.asl.error.AslFailure;
import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {

  private static String input(String text) {
    return "{\"v\": " + TextNode.valueOf(text) + "}";
  }

  @Test
  void encodeUsesStandardBase64OfUtf8() {
    // Recorded against AWS: intrinsic_functions.test_encode_decode.test_base_64_encode.
    assertJson(
        eval("States.Base64Encode($.v)", input("Data to encode")), "\"RGF0YSB0byBlbmNvZGU=\"");
    assertJson(eval("States.Base64Encode($.v)", input("")), "\"\"");
    assertJson(eval("States.Base64Encode('Hello World')", "{}"), "\"SGVsbG8gV29ybGQ=\"");
    assertJson(eval("States.Base64Encode($.v)", input("é€")), "\"w6nigqw=\"");
  }

  @Test
  void decodeReversesEncode() {
    // Recorded against AWS: test_base_64_decode ("" gives "") and the variables case.
    assertJson(eval("States.Base64Decode($.v)", input("")), "\"\"");
    assertJson(eval("States.Base64Decode($.v)", input("SGVsbG8gV29ybGQ=")), "\"Hello World\"");
    String long76 = "x".repeat(200);
    String encoded = eval("States.Base64Encode($.v)", input(long76)).textValue();
    assertThat(encoded).doesNotContain("\n").doesNotContain("\r");
    assertJson(eval("States.Base64Decode($.v)", input(encoded)), TextNode.valueOf(long76));
  }

  @Test
  void bothAcceptTenThousandCharactersButNotMore() {
    String limit = "a".repeat(10_000);
    assertThat(eval("States.Base64Encode($.v)", input(limit)).textValue()).isNotEmpty();
    AslFailure f = failure(() -> eval("States.Base64Encode($.v)", input(limit + "a")));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("10001 characters, more than the limit of 10000");
    String bigEncoded = "QUFB".repeat(2501);
    f = failure(() -> eval("States.Base64Decode($.v)", input(bigEncoded)));
    assertThat(f.cause()).contains("more than the limit of 10000");
  }

  @Test
  void decodeRejectsInvalidBase64AndNonStrings() {
    AslFailure f = failure(() -> eval("States.Base64Decode($.v)", input("not base64!")));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("not valid Base64");
    f = failure(() -> eval("States.Base64Encode($.v)", "{\"v\": 12}"));
    assertThat(f.cause()).contains("expected a string but got number 12");
  }
}
