package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.ExpressionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the expression and the data, compiling throws nothing but {@link ExpressionException}
 * and evaluating nothing but {@link AslFailure}.
 */
class RobustnessTest {

  private static final String ALPHABET =
      "$$$$$..[[]]{{}}(())''\"\"::;;,,??~~>><<==!!&&**++--//%%^^|| \n\t0123456789abcxyz_`@#\\é€";

  private static final List<String> NASTY =
      List.of(
          "",
          " ",
          "$",
          "$$",
          "(",
          ")",
          "[",
          "{",
          "/",
          "/*",
          "\"",
          "'",
          "`",
          "\\",
          "$states.",
          "$states.input[",
          "function(",
          "function($x){",
          "|a|",
          "$x ~> |$|{}|",
          "[1..]",
          "[..1]",
          "$states.input.a.$ ",
          "$states.input ~> $sort()",
          "$sort($states.input.arr, function($a, $b) { $undefined() })",
          "$replace('abc', /b/, function($m) { $undefined() })",
          "$formatNumber(1, '#,##0.00', {'decimal-separator': 'xx'})",
          "$fromMillis(0, '[Y0001]-[X]')",
          "$toMillis('2020', '[Y')",
          "$formatInteger(5, 'w')",
          "$parseInteger('x', 'w')",
          "$base64decode('!!!')",
          "$decodeUrl('%')",
          "$encodeUrl('\uD800')",
          "$match('aaa', /a*/)",
          "$split('abc', '', -1)",
          "$pad('x', 1e9)",
          "$power(10, 400)",
          "1e400",
          "-$states.input.s",
          "$string(1/0)",
          "$number('1e999')",
          "$keys($states)",
          "$lookup($states.input, 'a')",
          "$zip([1],[2],[3])",
          "$each($states.input, function($v, $k){ $k })",
          "$sift($states.input, function($v){ true })",
          "$distinct([{'a':1},{'a':1}])",
          "$spread($states.input)",
          "$clone($states.input)",
          "$type($uuid)",
          "$states.input.arr@$x#$i.$x",
          "$states.input.arr%",
          "$states.input.arr.%.%",
          "(($((((((((",
          "$" + "a".repeat(10_000),
          "'" + "x".repeat(100_000) + "'",
          "(".repeat(50_000) + "1" + ")".repeat(50_000),
          "[".repeat(50_000),
          "1" + "+1".repeat(20_000),
          "$states.input" + ".a".repeat(20_000),
          "\u0000",
          "$random(1e308)",
          "$range(-9e18, 9e18, 1)",
          "$range(0, 10, 1e-9)",
          "$partition($states.input.arr, 1e308)",
          "$hash($string($states.input), 'SHA-512')",
          "$now('[', 'x')",
          "$now('[Y]', 'not-a-zone')",
          "$contains('abc', function($x){ true })",
          "$split('abc', function($x){ true })",
          "$match('abc', 'b')");

  private static EvaluationScope scope() {
    return Scopes.scope(
        json("{\"a\":1,\"s\":\"str\",\"arr\":[3,1,null,\"x\",{\"k\":[1]}],\"o\":{\"p\":null}}"),
        Map.of("x", json("[1,2]"), "n", json("null")));
  }

  /** Compiles and evaluates, failing the test on any exception other than the two allowed. */
  private static void survives(String body) {
    JsonataExpression e;
    try {
      e = JsonataCompiler.expression(body, "Output");
    } catch (ExpressionException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(expected.kind())
          .isIn(
              ExpressionException.Kind.INVALID_JSONATA,
              ExpressionException.Kind.UNSUPPORTED_JSONATA);
      return;
    } catch (Throwable t) {
      fail("compiling " + abbreviate(body) + " threw " + t, t);
      return;
    }
    try {
      JsonNode out = e.evaluate(scope());
      assertThat(out).isNotNull();
    } catch (AslFailure expected) {
      assertThat(expected.error()).isEqualTo("States.QueryEvaluationError");
      assertThat(expected.cause()).startsWith("The JSONata expression '");
    } catch (Throwable t) {
      fail("evaluating " + abbreviate(body) + " threw " + t, t);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  @Test
  void nastyExpressionsFailCleanly() {
    for (String body : NASTY) {
      survives(body);
    }
  }

  @Test
  void randomExpressionsFailCleanly() {
    Random random = new Random(20241122);
    for (int i = 0; i < 4_000; i++) {
      int length = 1 + random.nextInt(24);
      StringBuilder b = new StringBuilder(length);
      for (int j = 0; j < length; j++) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      survives(b.toString());
    }
  }

  @Test
  void randomCombinationsOfRealTokensFailCleanly() {
    String[] tokens = {
      "$states.input",
      "$states.input.arr",
      "$x",
      "$n",
      ".",
      "[",
      "]",
      "(",
      ")",
      "{",
      "}",
      ",",
      ":",
      ";",
      "'a'",
      "1",
      "0",
      "-1",
      "null",
      "true",
      "+",
      "-",
      "*",
      "/",
      "%",
      "&",
      "=",
      "<",
      ">",
      "and",
      "or",
      "in",
      "?",
      "~>",
      "..",
      "$sum",
      "$string",
      "$map",
      "$filter",
      "$reduce",
      "function($v)",
      "$v",
      "$partition",
      "$range",
      "$hash",
      "$parse",
      "$uuid",
      "$random",
      "$eval",
      "$number",
      "$formatNumber",
      "'#,##0.00'",
      "$sort",
      "$count",
      "$keys",
      "$lookup",
      "^(",
      "#$i",
      "@$o",
      "**",
      "*",
      "%",
      "|",
      ":="
    };
    Random random = new Random(42);
    for (int i = 0; i < 4_000; i++) {
      int length = 1 + random.nextInt(12);
      List<String> parts = new ArrayList<>();
      for (int j = 0; j < length; j++) {
        parts.add(tokens[random.nextInt(tokens.length)]);
      }
      survives(String.join(" ", parts));
    }
  }

  @Test
  void deeplyNestedDataConvertsBothWays() throws Exception {
    String deep = "[".repeat(900) + "1" + "]".repeat(900);
    JsonataExpression e = JsonataCompiler.expression("$states.input", "Output");
    EvaluationScope s = Scopes.scope(json(deep), Map.of());
    assertThat(e.evaluate(s)).isEqualTo(json(deep));
    survives("$reduce([1..5000], function($acc, $v){ [$acc] }, [])");
  }

  @Test
  void garbageTemplatesFailCleanly() {
    for (String source :
        List.of(
            "{\"a\":\"{% ( %}\"}",
            "[\"{% $ %}\"]",
            "{\"{% ( %}\":1}",
            "\"{% %}\"",
            "{\"a\":{\"b\":[\"{% $states.input.zzz %}\"]}}")) {
      try {
        JsonataCompiler.template(json(source), "Output").evaluate(scope());
      } catch (ExpressionException | AslFailure expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (Throwable t) {
        fail(source + " threw " + t, t);
      }
    }
  }
}
