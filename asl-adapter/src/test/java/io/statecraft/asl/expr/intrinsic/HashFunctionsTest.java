package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.error.AslFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashFunctionsTest {

  @ParameterizedTest
  @CsvSource({
    "MD5, 812f45842bc6d66ee14572ce20db8e86",
    "SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
    "SHA-256, b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
    "SHA-384, d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
    "SHA-512, 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"
  })
  void hashIsTheLowerCaseHexDigest(String algorithm, String digest) {
    // Recorded against AWS: intrinsic_functions.test_hash_calculations.test_hash.
    assertJson(
        eval(
            "States.Hash($.fst, $.snd)",
            "{\"fst\": \"input data\", \"snd\": \"" + algorithm + "\"}"),
        "\"" + digest + "\"");
  }

  @Test
  void hashOfVariableLiteralAlgorithm() {
    // Recorded against AWS: the variables case hashes "Hash this string" with SHA-256.
    assertJson(
        eval("States.Hash($.s, 'SHA-256')", "{\"s\": \"Hash this string\"}"),
        "\"1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e\"");
  }

  @Test
  void unknownAlgorithmsAndLongDataFail() {
    AslFailure f = failure(() -> eval("States.Hash('x', $.a)", "{\"a\": \"sha-256\"}"));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("must be one of [MD5, SHA-1, SHA-256, SHA-384, SHA-512]");
    String big = "a".repeat(10_001);
    f = failure(() -> eval("States.Hash($.d, 'MD5')", "{\"d\": \"" + big + "\"}"));
    assertThat(f.cause()).contains("more than the limit of 10000");
    assertThat(eval("States.Hash($.d, 'MD5')", "{\"d\": \"" + big.substring(1) + "\"}").textValue())
        .hasSize(32);
    f = failure(() -> eval("States.Hash($.d, 'MD5')", "{\"d\": {}}"));
    assertThat(f.cause()).contains("expected a string");
  }
}
