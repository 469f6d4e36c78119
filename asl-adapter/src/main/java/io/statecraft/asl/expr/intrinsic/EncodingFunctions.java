package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.BASE64_DECODE;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.BASE64_ENCODE;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** States.Base64Encode and States.Base64Decode. */
final class EncodingFunctions {

  /** AWS: each function "takes a data string of up to 10,000 characters". */
  static final int MAX_CHARACTERS = 10_000;

  private EncodingFunctions() {}

  /**
   * States.Base64Encode(string): the UTF-8 bytes of the string in Base64 (the MIME alphabet, with
   * padding). The output has no line breaks. Recorded: {@code "Data to encode"} gives {@code
   * "RGF0YSB0byBlbmNvZGU="}.
   */
  static JsonNode encode(JsonNode arg) {
    String text = limited(BASE64_ENCODE, arg);
    return Json.NODES.textNode(
        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** States.Base64Decode(string): the Base64 text decoded, read as UTF-8. */
  static JsonNode decode(JsonNode arg) {
    String text = limited(BASE64_DECODE, arg);
    return Json.NODES.textNode(new String(decodeBytes(text), StandardCharsets.UTF_8));
  }

  static byte[] decodeBytes(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw AwsCauses.intrinsicFailure(AwsCauses.notBase64(text));
    }
  }

  static String limited(IntrinsicFunction f, JsonNode arg) {
    String text = Args.string(f, 1, arg);
    if (text.length() > MAX_CHARACTERS) {
      throw Args.valueError(
          f,
          1,
          "the string has "
              + text.length()
              + " characters, more than the limit of "
              + MAX_CHARACTERS);
    }
    return text;
  }
}
