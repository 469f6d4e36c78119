package io.statecraft.asl.property;

import static io.statecraft.asl.property.JsonArbitraries.NODES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.ResultPathExpr;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.expr.jsonata.JsonataCompiler;
import io.statecraft.asl.expr.jsonpath.JsonPathCompiler;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * JSONPath paths, intrinsic calls, JSONata expressions and templates, of the grammars and mutated:
 * compiling fails only with {@link ExpressionException}; evaluating fails only with {@link
 * AslFailure}, leaves its input, variables and result as they were, and gives the same value when
 * repeated with the same clock and entropy.
 */
class ExpressionProperties {

  @Property(tries = 3000, seed = "7311", edgeCases = EdgeCasesMode.NONE)
  void pathsCompileOrAreRefusedAndEvaluateOrFailWithAnAslError(
      @ForAll("paths") String path, @ForAll("data") Scopes.Data data) {
    Statistics.label("compiled")
        .collect(check(() -> JsonPathCompiler.path(path), data, "path " + path));
    ResultPathExpr resultPath;
    try {
      resultPath = JsonPathCompiler.resultPath(path);
    } catch (ExpressionException e) {
      return;
    }
    JsonNode before = data.input().deepCopy();
    try {
      JsonNode out = resultPath.apply(data.input(), data.result());
      assertThat(out).isNotNull();
    } catch (AslFailure expected) {
      assertThat(expected.error()).isNotBlank();
    }
    assertThat(data.input()).as("ResultPath leaves its input alone").isEqualTo(before);
  }

  @Property(tries = 3000, seed = "7312", edgeCases = EdgeCasesMode.NONE)
  void intrinsicCallsCompileOrAreRefusedAndEvaluateOrFailWithAnAslError(
      @ForAll("intrinsics") String call, @ForAll("data") Scopes.Data data) {
    Statistics.label("compiled")
        .collect(check(() -> JsonPathCompiler.pathOrIntrinsic(call), data, "call " + call));
  }

  @Property(tries = 3000, seed = "7313", edgeCases = EdgeCasesMode.NONE)
  void jsonataCompilesOrIsRefusedAndEvaluatesOrFailsWithAnAslError(
      @ForAll("jsonata") String body, @ForAll("data") Scopes.Data data) {
    Statistics.label("compiled")
        .collect(check(() -> JsonataCompiler.expression(body, "Output"), data, "JSONata " + body));
  }

  @Property(tries = 1500, seed = "7314", edgeCases = EdgeCasesMode.NONE)
  void templatesCompileOrAreRefusedAndEvaluateOrFailWithAnAslError(
      @ForAll("templates") JsonNode template,
      @ForAll boolean jsonata,
      @ForAll("data") Scopes.Data data) {
    JsonNode source = template.deepCopy();
    Template compiled;
    try {
      compiled = jsonata ? JsonataCompiler.template(template) : JsonPathCompiler.template(template);
    } catch (ExpressionException e) {
      assertThat(e.getMessage()).isNotBlank();
      Statistics.label("compiled").collect(false);
      return;
    }
    Statistics.label("compiled").collect(true);
    assertThat(template).as("compiling leaves the template alone").isEqualTo(source);
    JsonNode first = evaluate(compiled::evaluate, data);
    JsonNode second = evaluate(compiled::evaluate, data);
    assertThat(second).as("evaluation repeats").isEqualTo(first);
  }

  @Provide
  Arbitrary<String> paths() {
    return Gen.frequency(
        Gen.w(3, PathArbitraries.paths()),
        Gen.w(3, Mutations.of(PathArbitraries.paths())),
        Gen.w(1, Arbitraries.strings().ofMaxLength(10)));
  }

  @Provide
  Arbitrary<String> intrinsics() {
    return IntrinsicArbitraries.callsAndMutations();
  }

  @Provide
  Arbitrary<String> jsonata() {
    Arbitrary<String> withResults =
        Arbitraries.of(
            "$states.result",
            "$states.errorOutput.Cause",
            "$states.result.a + 1",
            "$count($states.result)");
    return Gen.frequency(
        Gen.w(6, JsonataArbitraries.expressionsAndMutations()),
        Gen.w(1, withResults),
        Gen.w(1, Arbitraries.strings().ofMaxLength(10)));
  }

  @Provide
  Arbitrary<JsonNode> templates() {
    return Gen.frequency(
        Gen.w(3, Values.payloadTemplate()),
        Gen.w(3, Values.jsonataObject()),
        Gen.w(1, JsonArbitraries.values(2)),
        Gen.w(
            1,
            JsonataArbitraries.expressionsAndMutations()
                .map(s -> (JsonNode) NODES.textNode("{% " + s + " %}"))));
  }

  @Provide
  Arbitrary<Scopes.Data> data() {
    return Scopes.data();
  }

  /** Something that compiles an expression, failing only with an ExpressionException. */
  @FunctionalInterface
  interface Compilation {
    Expression compile() throws ExpressionException;
  }

  /** Compiles and, when that succeeds, evaluates twice; answers whether it compiled. */
  private static boolean check(Compilation compilation, Scopes.Data data, String what) {
    Expression expression;
    try {
      expression = compilation.compile();
    } catch (ExpressionException e) {
      assertThat(e.getMessage()).as(what).isNotBlank();
      assertThat(e.kind()).isNotNull();
      return false;
    }
    assertThat(expression.text()).isNotNull();
    JsonNode first = evaluate(expression::evaluate, data);
    JsonNode second = evaluate(expression::evaluate, data);
    assertThat(second).as("%s evaluates the same way twice", what).isEqualTo(first);
    return true;
  }

  /** Evaluates on the data; the value, or {@code null} after an AslFailure. */
  private static JsonNode evaluate(
      java.util.function.Function<io.statecraft.asl.expr.EvaluationScope, JsonNode> evaluation,
      Scopes.Data data) {
    JsonNode input = data.input().deepCopy();
    JsonNode result = data.result().deepCopy();
    java.util.Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
    data.variables().forEach((k, v) -> variables.put(k, v.deepCopy()));
    JsonNode value;
    try {
      value = Objects.requireNonNull(evaluation.apply(data.scope()), "an evaluation gave null");
    } catch (AslFailure f) {
      assertThat(f.error()).startsWith("States.");
      value = null;
    }
    assertThat(data.input()).as("the input is not mutated").isEqualTo(input);
    assertThat(data.result()).as("the result is not mutated").isEqualTo(result);
    assertThat(data.variables()).as("variables are not mutated").isEqualTo(variables);
    return value;
  }
}
