package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static io.statecraft.asl.expr.jsonpath.Fixtures.fixedEntropy;
import static io.statecraft.asl.expr.jsonpath.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.jsonpath.JsonPathCompiler;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathFunctionsTest {

  @ParameterizedTest
  @CsvSource({
    "-9, 3, -6",
    "1.49, 1.50, 3",
    "1.50, 1.51, 4",
    "-1.49, -1.50, -2",
    "-1.5, -1.51, -3",
    "1.49, 0, 1",
    "1.49, -1.49, 0",
    "0.5, 0, 1",
    "1.5, 0, 2",
    "2.5, 0, 3",
    "3.5, 0, 4",
    "-0.5, 0.5, 1",
    "-0.5, 0, 0",
    "-1.5, 0, -1",
    "-1.51, 0, -2",
    "-2.5, 0, -2",
    "-3.5, 0, -3",
    "2147483647, 1, 2147483648"
  })
  void addRoundsEachArgumentHalfUpThenAdds(String a, String b, String sum) {
    // Recorded against AWS: intrinsic_functions.test_math_operations.test_math_add.
    assertJson(eval("States.MathAdd($.a, $.b)", "{\"a\": " + a + ", \"b\": " + b + "}"), sum);
  }

  @Test
  void addRejectsNonNumbersAndNumbersBeyond32Bits() {
    AslFailure f = failure(() -> eval("States.MathAdd($.a, 1)", "{\"a\": \"1\"}"));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("expected a number but got string \"1\"");
    f = failure(() -> eval("States.MathAdd($.a, 1)", "{\"a\": 1e12}"));
    assertThat(f.cause()).contains("between -2147483648 and 2147483647");
  }

  private static JsonNode random(String call, String input, double entropy) throws Exception {
    Expression e = JsonPathCompiler.pathOrIntrinsic(call);
    EvaluationScope scope =
        EvaluationScope.of(
            json(input), json("{}"), name -> null, () -> Instant.EPOCH, fixedEntropy(entropy));
    return e.evaluate(scope);
  }

  @Test
  void randomWithoutSeedDrawsFromTheEntropyPortWithinStartInclusiveEndExclusive() throws Exception {
    assertJson(random("States.MathRandom(1, 999)", "{}", 0.0), "1");
    assertJson(random("States.MathRandom(1, 999)", "{}", 0.5), "500");
    assertJson(random("States.MathRandom(1, 999)", "{}", 0.999999999), "998");
    // Recorded against AWS (value masked): 12.5 and 44.51 are rounded to 13 and 45.
    JsonNode n = random("States.MathRandom($.fst, $.snd)", "{\"fst\": 12.5, \"snd\": 44.51}", 0.0);
    assertJson(n, "13");
    assertJson(random("States.MathRandom(-99999, -9999)", "{}", 0.25), "-77499");
  }

  @Test
  void randomWithSeedIsTheSameForTheSameSeedWhateverTheEntropy() throws Exception {
    JsonNode a = random("States.MathRandom(0, 999, 3)", "{}", 0.1);
    JsonNode b = random("States.MathRandom(0, 999, 3)", "{}", 0.9);
    assertThat(a).isEqualTo(b);
    assertThat(a.intValue()).isBetween(0, 998);
    Set<Integer> values = new HashSet<>();
    for (int seed = 0; seed < 50; seed++) {
      values.add(random("States.MathRandom(0, 1000000, " + seed + ")", "{}", 0.5).intValue());
    }
    assertThat(values).as("different seeds give different numbers").hasSizeGreaterThan(45);
  }

  @Test
  void seededGeneratorFollowsTheJavaPlatformAlgorithm() {
    // The platform specifies java.util.Random's sequence; seed 42 starts with 0.7275636800328681.
    assertThat(new MathFunctions.SeededGenerator(42).nextDouble()).isEqualTo(0.7275636800328681);
  }

  @Test
  void randomRejectsEmptyRangesAndBadArguments() {
    AslFailure f = failure(() -> random("States.MathRandom($.a, $.b)", "{\"a\": 5, \"b\": 5}", 0));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains("end number must be greater");
    f = failure(() -> random("States.MathRandom($.a, 5)", "{\"a\": true}", 0));
    assertThat(f.cause()).contains("expected a number");
    f = failure(() -> random("States.MathRandom(1, 5, $.s)", "{\"s\": \"x\"}", 0));
    assertThat(f.cause()).contains("argument 3");
  }
}
