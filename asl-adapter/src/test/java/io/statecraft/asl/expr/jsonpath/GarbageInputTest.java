package io.statecraft.asl.expr.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.ResultPathExpr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds random paths, calls, templates and documents through every public entry point: compiling
 * throws nothing but {@link ExpressionException}, evaluating nothing but {@link AslFailure}.
 */
class GarbageInputTest {

  private static final long SEED = 20240601L;
  private static final int ROUNDS = 20_000;

  private static final String[] FRAGMENTS = {
    "$",
    "$$",
    "$v",
    "$w",
    ".",
    "..",
    "a",
    "b",
    "c d",
    "[",
    "]",
    "[0]",
    "[-1]",
    "[99]",
    "[*]",
    "['a']",
    "[\"b\"]",
    "[1:3]",
    "[:2]",
    "[0,1]",
    "[?(@.a > 1)]",
    "[?(@.a =~ /x.*/)]",
    ".length()",
    ".append(1)",
    ".min()",
    ".keys()",
    "(",
    ")",
    ",",
    "'",
    "\\",
    "{}",
    "\\{",
    "States.",
    "States.Format(",
    "States.Array(",
    "States.MathAdd(",
    "States.ArrayRange(",
    "States.JsonMerge(",
    "States.StringToJson(",
    "States.Hash(",
    "States.MathRandom(",
    "States.ArrayGetItem(",
    "States.ArrayPartition(",
    "States.Base64Decode(",
    "States.StringSplit(",
    "States.UUID(",
    "'x'",
    "'{}'",
    "'MD5'",
    "1",
    "-1",
    "0.5",
    "1e400",
    "true",
    "null",
    " ",
    "\u0000",
    "é",
    "@",
    "?",
    "*",
    "$.a",
    "$.b[0]",
    "$$.x",
    "$v.a",
    "$..a",
    "$.a[*]"
  };

  private final Random random = new Random(SEED);

  private String garbageText() {
    StringBuilder out = new StringBuilder();
    int parts = 1 + random.nextInt(8);
    for (int i = 0; i < parts; i++) {
      out.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return out.toString();
  }

  private JsonNode garbageDocument(int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int kind = random.nextInt(depth > 3 ? 6 : 8);
    return switch (kind) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(random.nextInt(21) - 10);
      case 2 -> f.numberNode(random.nextDouble() * 1e6 - 5e5);
      case 3 -> f.textNode(garbageText());
      case 4 -> f.booleanNode(random.nextBoolean());
      case 5 -> f.textNode(random.nextBoolean() ? "{\"a\": [1, 2]}" : "QUJD");
      case 6 -> {
        ArrayNode a = f.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(garbageDocument(depth + 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = f.objectNode();
        String[] keys = {"a", "b", "c d", "x", "0"};
        for (int i = random.nextInt(4); i > 0; i--) {
          o.set(keys[random.nextInt(keys.length)], garbageDocument(depth + 1));
        }
        yield o;
      }
    };
  }

  private EvaluationScope scope() {
    return Fixtures.scope(garbageDocument(0), garbageDocument(0), Map.of("v", garbageDocument(0)));
  }

  @Test
  void compilingAndEvaluatingGarbageOnlyEverThrowsTheDocumentedExceptions() {
    int compiled = 0;
    int evaluated = 0;
    int failed = 0;
    List<String> unexpected = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String text = garbageText();
      try {
        Expression e = JsonPathCompiler.pathOrIntrinsic(text);
        compiled++;
        JsonNode input = garbageDocument(0);
        JsonNode context = garbageDocument(0);
        JsonNode variable = garbageDocument(0);
        JsonNode before =
            JsonNodeFactory.instance.arrayNode().add(input).add(context).add(variable);
        JsonNode snapshot = before.deepCopy();
        try {
          JsonNode result = e.evaluate(Fixtures.scope(input, context, Map.of("v", variable)));
          assertThat(result).as(text).isNotNull();
          evaluated++;
        } catch (AslFailure expected) {
          assertThat(expected.error()).as(text).isNotBlank();
          failed++;
        }
        if (!before.equals(snapshot)) {
          unexpected.add(text + " changed the documents it read");
        }
        if (e instanceof CompiledPath p
            && p.isReferencePath()
            && p.root() == CompiledPath.Root.INPUT) {
          ResultPathExpr rp = JsonPathCompiler.resultPath(text);
          try {
            assertThat(rp.apply(garbageDocument(0), garbageDocument(0))).isNotNull();
          } catch (AslFailure expected) {
            assertThat(expected.error()).isEqualTo("States.ResultPathMatchFailure");
          }
        }
      } catch (ExpressionException expected) {
        assertThat(expected.getMessage()).as(text).isNotBlank();
      } catch (RuntimeException | StackOverflowError e) {
        unexpected.add(text + " -> " + e);
      }
    }
    assertThat(unexpected).isEmpty();
    // The generator must actually reach evaluation, or the test proves nothing.
    assertThat(compiled).isGreaterThan(ROUNDS / 20);
    assertThat(evaluated).isGreaterThan(100);
    assertThat(failed).isGreaterThan(20);
  }

  @Test
  void garbageTemplatesOnlyEverThrowTheDocumentedExceptions() {
    List<String> unexpected = new ArrayList<>();
    for (int round = 0; round < ROUNDS / 4; round++) {
      ObjectNode template = JsonNodeFactory.instance.objectNode();
      for (int i = random.nextInt(4); i >= 0; i--) {
        String key = garbageText() + (random.nextBoolean() ? ".$" : "");
        template.set(
            key,
            random.nextBoolean()
                ? JsonNodeFactory.instance.textNode(garbageText())
                : garbageDocument(0));
      }
      try {
        PayloadTemplate t = JsonPathCompiler.template(template);
        try {
          assertThat(t.evaluate(scope())).isNotNull();
        } catch (AslFailure expected) {
          assertThat(expected.cause()).isNotNull();
        }
      } catch (ExpressionException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException | StackOverflowError e) {
        unexpected.add(template + " -> " + e);
      }
    }
    assertThat(unexpected).isEmpty();
  }

  @Test
  void nullAndEmptyArgumentsAreCompileErrors() {
    for (String text : new String[] {null, "", " ", "States", "States.", "$ ", "\t$"}) {
      try {
        JsonPathCompiler.pathOrIntrinsic(text);
        throw new AssertionError("compiled: " + text);
      } catch (ExpressionException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    try {
      JsonPathCompiler.template(null);
      throw new AssertionError("compiled a null template");
    } catch (ExpressionException expected) {
      assertThat(expected.getMessage()).contains("missing");
    }
  }

  @Test
  void evaluationWithMissingScopeValuesStaysWithinTheContract() throws Exception {
    EvaluationScope scope =
        EvaluationScope.of(
            com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
            com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
            name -> null,
            () -> Instant.EPOCH,
            Fixtures.fixedEntropy(0.5));
    for (String text : new String[] {"$", "$.a", "$$.a", "$v", "$.a[*]", "States.Array($$)"}) {
      Expression e = JsonPathCompiler.pathOrIntrinsic(text);
      try {
        assertThat(e.evaluate(scope)).isNotNull();
      } catch (AslFailure expected) {
        assertThat(expected.error()).isEqualTo("States.Runtime");
      }
    }
  }
}
