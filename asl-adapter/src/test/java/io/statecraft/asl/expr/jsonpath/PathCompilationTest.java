package io.statecraft.asl.expr.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathCompilationTest {

  @ParameterizedTest
  @CsvSource({
    "$, INPUT",
    "$.a, INPUT",
    "$[0], INPUT",
    "$$, CONTEXT",
    "$$.Execution.Id, CONTEXT",
    "$$['State'], CONTEXT",
    "$var, VARIABLE",
    "$var.a.b, VARIABLE",
    "$var[0], VARIABLE",
    "$_x1, VARIABLE"
  })
  void rootIsTakenFromTheStartOfThePath(String path, PathExpr.Root root) throws Exception {
    assertThat(JsonPathCompiler.path(path).root()).isEqualTo(root);
  }

  @Test
  void variableNameIsExposed() throws Exception {
    assertThat(JsonPathCompiler.path("$orderId.x").variable()).contains("orderId");
    assertThat(JsonPathCompiler.path("$.x").variable()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"$", "$.a", "$.a.b[2]['c d']", "$$.Execution.Input", "$v.a[0]", "$[-1]", "$['x']"})
  void referencePathsAreRecognised(String path) throws Exception {
    CompiledPath compiled = JsonPathCompiler.path(path);
    assertThat(compiled.isReferencePath()).isTrue();
    assertThat(compiled.isDefinite()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$.a[*]",
        "$.*",
        "$..a",
        "$.a[1:2]",
        "$.a[0,1]",
        "$['a','b']",
        "$.a[?(@.x > 1)]",
        "$.a.length()"
      })
  void otherPathsAreNotReferencePaths(String path) throws Exception {
    assertThat(JsonPathCompiler.path(path).isReferencePath()).isFalse();
  }

  @Test
  void functionPathsAreDefinite() throws Exception {
    assertThat(JsonPathCompiler.path("$.a.length()").isDefinite()).isTrue();
    assertThat(JsonPathCompiler.path("$.a[*]").isDefinite()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"          | must not be empty",
        "a.b           | must start with '$'",
        "$.            | must not end with '.'",
        "$a-b          | letters, digits and '_'",
        "$ .a          | expected '.' or '['",
        "$.a..         | Invalid JSONPath",
        "$['a'         | square bracket",
        "$[             | not closed",
        "$.a[?(@.x >]  | Invalid JSONPath",
        "$[99999999999]| not a valid integer",
        "$..           | Invalid JSONPath"
      })
  void invalidPathsFailToCompileWithAReason(String path, String reason) {
    assertThatThrownBy(() -> JsonPathCompiler.path(path))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.kind()).isEqualTo(ExpressionException.Kind.INVALID_PATH))
        .hasMessageContaining(reason);
  }

  @Test
  void nullPathFailsToCompile() {
    assertThatThrownBy(() -> JsonPathCompiler.path(null))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("must not be empty");
  }
}
