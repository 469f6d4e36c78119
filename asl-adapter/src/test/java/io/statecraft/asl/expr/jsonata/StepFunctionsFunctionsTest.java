package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.JsonataEvaluationTest.cause;
import static io.statecraft.asl.expr.jsonata.JsonataEvaluationTest.eval;
import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The functions Step Functions adds to JSONata, and the one it takes away. */
class StepFunctionsFunctionsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$partition([1,2,3,4,5,6,7,8,9], 3) | [[1,2,3],[4,5,6],[7,8,9]]",
        "$partition([1,2,3,4,5], 2)         | [[1,2],[3,4],[5]]",
        "$partition([0], 1)                 | [[0]]",
        "$partition([0], 5)                 | [[0]]",
        "$partition([0,1,2], 1)             | [[0],[1],[2]]",
        "$partition([0,1,2,3], 3)           | [[0,1,2],[3]]",
        "$partition([1,2,3], 2.9)           | [[1,2],[3]]",
        "$partition([], 2)                  | []",
        "$partition(['a',{'b':1},[2]], 2)   | [[\"a\",{\"b\":1}],[[2]]]",
        "$partition(5, 2)                   | [[5]]"
      })
  void partitionSplitsAnArrayIntoChunks(String body, String expected) {
    assertThat(eval(body)).isEqualTo(json(expected));
  }

  @Test
  void partitionOfUndefinedIsUndefinedAndANonPositiveSizeFails() {
    assertThat(eval("$partition($states.input.missing, 2)")).isInstanceOf(MissingNode.class);
    assertThat(cause("$partition([1,2], 0)"))
        .isEqualTo(
            "The JSONata expression '$partition([1,2], 0)' specified for the field 'Output' threw"
                + " an error during evaluation. D3137: The chunk size passed to function partition"
                + " must be a positive integer");
    assertThat(cause("$partition([1,2], 'a')"))
        .endsWith("T0410: Argument 2 of function \"partition\" does not match function signature");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$range(0, 10, 2)    | [0,2,4,6,8,10]",
        "$range(0, 9, 3)     | [0,3,6,9]",
        "$range(0, 10, 3)    | [0,3,6,9]",
        "$range(3, 1, -1)    | [3,2,1]",
        "$range(1, 9, 9)     | 1",
        "$range(5, 5, 1)     | 5",
        "$range(0, 4.9, 2.7) | [0,2,4]",
        "$range(0, 6, 2)[1]  | 2"
      })
  void rangeCountsFromStartTowardsEnd(String body, String expected) {
    assertThat(eval(body)).isEqualTo(json(expected));
  }

  @Test
  void anEmptyRangeIsUndefinedAndAHugeOneHitsTheMemoryLimit() {
    assertThat(eval("$range(5, 1, 1)")).isInstanceOf(MissingNode.class);
    assertThat(eval("$range(1, 5, 0)")).isInstanceOf(MissingNode.class);
    assertThat(eval("$range(1, 5, -1)")).isInstanceOf(MissingNode.class);
    assertThat(cause("$range(0, 1e12, 1)"))
        .endsWith(
            "threw an error during evaluation: Expression evaluation memory limit exceeded: Check"
                + " for excessive memory usage");
    assertThat(eval("$count([$range(1, 873782, 1)])")).isEqualTo(json("873782"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MD5     | a43c1b0aa53a0c908810c06ab1ff3967",
        "SHA-1   | 140f86aae51ab9e1cda9b4254fe98a74eb54c1a1",
        "SHA-256 | c96c6d5be8d08a12e7b5cdc1b207fa6b2430974c86803d8891675e76fd992c20"
      })
  void hashDigestsTheUtf8Bytes(String algorithm, String expected) {
    assertThat(eval("$hash('input', '" + algorithm + "')").asText()).isEqualTo(expected);
  }

  @Test
  void hashSupportsSha384AndSha512AndRejectsOtherAlgorithms() throws Exception {
    for (String algorithm : new String[] {"SHA-384", "SHA-512"}) {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);
      String reference =
          java.util.HexFormat.of()
              .formatHex(md.digest("é€".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(eval("$hash('é€', '" + algorithm + "')").asText()).isEqualTo(reference);
    }
    assertThat(cause("$hash('input', 'SHA-9')"))
        .endsWith(
            "D3137: The hash algorithm 'SHA-9' is not supported: use one of MD5, SHA-1, SHA-256,"
                + " SHA-384, SHA-512");
    assertThat(cause("$hash('input', 'sha-256')")).contains("'sha-256' is not supported");
    assertThat(cause("$hash(1, 'MD5')"))
        .endsWith("T0410: Argument 1 of function \"hash\" does not match function signature");
    assertThat(cause("$hash('a', 5)"))
        .endsWith("T0410: Argument 2 of function \"hash\" does not match function signature");
    assertThat(cause("$hash('a', 'MD5', 1)"))
        .endsWith("T0410: Argument 3 of function \"hash\" does not match function signature");
  }

  @Test
  void randomWithASeedIsJavaUtilRandom() {
    assertThat(eval("$random(42)").doubleValue()).isEqualTo(0.7275636800328681);
    assertThat(eval("$random(42)").doubleValue()).isEqualTo(new java.util.Random(42).nextDouble());
    assertThat(eval("$random(42.9)")).isEqualTo(eval("$random(42)"));
    assertThat(eval("$random(-7)").doubleValue()).isEqualTo(new java.util.Random(-7).nextDouble());
  }

  @Test
  void randomWithoutASeedDrawsFromTheScopesEntropy() {
    double expected = Scopes.entropy(42).nextDouble();
    assertThat(eval("$random()").doubleValue()).isEqualTo(expected);
    double v = eval("$random()").doubleValue();
    assertThat(v).isGreaterThanOrEqualTo(0).isLessThan(1);
  }

  @Test
  void uuidIsAVersion4UuidFromTheScopesEntropy() {
    String uuid = eval("$uuid()").asText();
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(uuid).isEqualTo(Scopes.entropy(42).randomUuid().toString());
    JsonNode two = eval("[$uuid(), $uuid()]");
    assertThat(two.get(0)).isNotEqualTo(two.get(1));
    assertThat(cause("$uuid(1)")).contains("T0410: Argument 1 of function \"uuid\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-0                       | 0",
        "1                        | 1",
        "1.1                      | 1.1",
        "true                     | true",
        "null                     | null",
        "\"HelloWorld\"           | \"HelloWorld\"",
        "[1, 2, \"HelloWorld\"]   | [1,2,\"HelloWorld\"]",
        "{\"Arg1\": 1, \"Arg2\": []} | {\"Arg1\":1,\"Arg2\":[]}",
        "[1]                      | [1]"
      })
  void parseReadsAJsonText(String text, String expected) {
    JsonNode out =
        eval(
            "$parse($states.input.s)",
            Scopes.scope(Scopes.MAPPER.createObjectNode().put("s", text), Map.of()));
    assertThat(out).isEqualTo(json(expected));
  }

  @Test
  void parseRejectsWhatIsNotOneJsonText() {
    assertThat(cause("$parse('{\"a\":1} x')"))
        .endsWith("D3137: The argument of function parse is not a JSON text: {\"a\":1} x");
    assertThat(cause("$parse('')")).contains("D3137");
    assertThat(cause("$parse('{\"a\":1,\"a\":2}')")).contains("D3137");
    assertThat(cause("$parse(1)"))
        .endsWith("T0410: Argument 1 of function \"parse\" does not match function signature");
    assertThat(eval("$parse($states.input.missing)")).isInstanceOf(MissingNode.class);
    assertThat(eval("$parse('{\"a\":{\"b\":2}}').a.b")).isEqualTo(json("2"));
  }

  @Test
  void evalIsNotAvailable() {
    assertThat(cause("$eval(\"1+1\")"))
        .isEqualTo(
            "The JSONata expression '$eval(\"1+1\")' specified for the field 'Output' threw an"
                + " error during evaluation. T1006: Attempted to invoke a non-function");
    assertThat(eval("$eval")).isInstanceOf(MissingNode.class);
  }

  @Test
  void aFunctionAwsDoesNotHaveIsNotAFunction() {
    assertThat(cause("$randomSeeded($states.input.FunctionInput.fst)"))
        .isEqualTo(
            "The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified"
                + " for the field 'Output' threw an error during evaluation. T1006: Attempted to"
                + " invoke a non-function");
  }

  @Test
  void theAddedFunctionsCanBePassedAsValues() {
    assertThat(eval("$map([[1,2,3]], function($a){ $partition($a, 2) })"))
        .isEqualTo(json("[[1,2],[3]]"));
    assertThat(eval("$map(['1', '[2]'], $parse)")).isEqualTo(json("[1,[2]]"));
  }
}
