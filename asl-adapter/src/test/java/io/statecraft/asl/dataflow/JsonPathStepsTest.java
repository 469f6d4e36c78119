package io.statecraft.asl.dataflow;

import static io.statecraft.asl.testing.Fakes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.jsonpath.JsonPathCompiler;
import io.statecraft.asl.interpret.memory.SeededEntropy;
import io.statecraft.asl.model.PathSpec;
import io.statecraft.asl.model.ResultPathSpec;
import io.statecraft.asl.testing.Fakes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonPathStepsTest {

  static final JsonNode INPUT = json("{\"a\":{\"b\":1},\"list\":[10,20]}");

  static EvaluationScope scope() {
    return EvaluationScope.of(
        INPUT,
        json("{\"Execution\":{\"Id\":\"arn\"}}"),
        VariableScope.of(Map.of(), Map.of("v", json("{\"x\":7}"))),
        () -> Instant.EPOCH,
        new SeededEntropy(0));
  }

  @Test
  void inputPathAbsentPassesTheWholeInputAndNullPassesAnEmptyObject() {
    assertThat(JsonPathSteps.inputPath(PathSpec.IDENTITY, INPUT, scope())).isSameAs(INPUT);
    assertThat(JsonPathSteps.inputPath(PathSpec.EMPTY, INPUT, scope())).isEqualTo(json("{}"));
  }

  @Test
  void inputPathSelectsFromTheInputTheContextOrAVariable() {
    assertThat(select("$.a.b")).isEqualTo(json("1"));
    assertThat(select("$.list[1]")).isEqualTo(json("20"));
    assertThat(select("$$.Execution.Id")).isEqualTo(json("\"arn\""));
    assertThat(select("$v.x")).isEqualTo(json("7"));
  }

  private static JsonNode select(String path) {
    try {
      return JsonPathSteps.inputPath(
          new PathSpec.Select(JsonPathCompiler.path(path)), INPUT, scope());
    } catch (ExpressionException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void aPathThatSelectsNothingIsARuntimeErrorInAwsWords() throws Exception {
    assertThatThrownBy(() -> select("$.NoSuchInputPath"))
        .isInstanceOfSatisfying(
            AslFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("States.Runtime");
              assertThat(f.cause())
                  .isEqualTo(
                      "Invalid path '$.NoSuchInputPath' : No results for path:"
                          + " $['NoSuchInputPath']");
            });
    assertThatThrownBy(
            () ->
                JsonPathSteps.outputPath(
                    new PathSpec.Select(JsonPathCompiler.path("$.a.c[0]")), INPUT, scope()))
        .hasMessageContaining("No results for path: $['a']['c'][0]");
  }

  @Test
  void aSelectedNullIsAValueNotAMissingPath() {
    JsonNode input = json("{\"n\":null}");
    assertThat(
            JsonPathSteps.inputPath(
                new PathSpec.Select(Fakes.path("$.n")), input, scope().withInput(input)))
        .isEqualTo(json("null"));
  }

  @Test
  void payloadTemplatesApplyOnlyWhenPresent() {
    assertThat(JsonPathSteps.payload(Optional.empty(), INPUT, scope())).isSameAs(INPUT);
    assertThat(
            JsonPathSteps.payload(
                Optional.of(Fakes.template("{\"k.$\":\"$.a\",\"c\":1}")), INPUT, scope()))
        .isEqualTo(json("{\"k\":{\"b\":1},\"c\":1}"));
  }

  @Test
  void resultPathReplacesDiscardsOrWritesIntoACopy() {
    JsonNode result = json("\"r\"");
    assertThat(JsonPathSteps.resultPath(ResultPathSpec.REPLACE, INPUT, result)).isSameAs(result);
    assertThat(JsonPathSteps.resultPath(ResultPathSpec.DISCARD, INPUT, result)).isSameAs(INPUT);
    JsonNode written =
        JsonPathSteps.resultPath(
            new ResultPathSpec.Write(Fakes.resultPath("$.x.y")), INPUT, result);
    assertThat(written).isEqualTo(json("{\"a\":{\"b\":1},\"list\":[10,20],\"x\":{\"y\":\"r\"}}"));
    assertThat(INPUT).isEqualTo(json("{\"a\":{\"b\":1},\"list\":[10,20]}"));
  }
}
