package io.statecraft.asl.expr.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.Variables;
import io.statecraft.asl.port.Entropy;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;

/** Test helpers: JSON literals, scopes with fixed ports, and JSON comparison by value. */
public final class Fixtures {

  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  public static final UUID FIXED_UUID = UUID.fromString("4f5c8a1e-2b3d-4c6e-9f0a-1b2c3d4e5f60");

  private Fixtures() {}

  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON text with single quotes for readability in tests. */
  public static JsonNode sq(String text) {
    return json(text.replace('\'', '"'));
  }

  /** Entropy that always answers the same values. */
  public static Entropy fixedEntropy(double value) {
    return new Entropy() {
      @Override
      public UUID randomUuid() {
        return FIXED_UUID;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  public static EvaluationScope scope(JsonNode input) {
    return scope(input, json("{}"), Map.of());
  }

  public static EvaluationScope scope(
      JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    Variables vars = variables::get;
    return EvaluationScope.of(
        input, context, vars, () -> Instant.parse("2024-01-01T00:00:00Z"), fixedEntropy(0.5));
  }

  public static EvaluationScope scopeWithNullInput() {
    return scope(NullNode.getInstance());
  }

  /** Compiles a path or intrinsic call and evaluates it over the input. */
  public static JsonNode eval(String expression, String input) {
    return eval(expression, json(input));
  }

  public static JsonNode eval(String expression, JsonNode input) {
    try {
      return JsonPathCompiler.pathOrIntrinsic(expression).evaluate(scope(input));
    } catch (ExpressionException e) {
      throw new AssertionError("does not compile: " + e.getMessage(), e);
    }
  }

  /** The failure an evaluation throws. */
  public static AslFailure failure(ThrowableAssert.ThrowingCallable call) {
    try {
      call.call();
    } catch (AslFailure e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected AslFailure but got " + t, t);
    }
    throw new AssertionError("expected AslFailure but nothing was thrown");
  }

  /** The compile error for an expression. */
  public static ExpressionException compileError(String expression) {
    try {
      JsonPathCompiler.pathOrIntrinsic(expression);
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("expected '" + expression + "' not to compile");
  }

  /** Asserts JSON equality with numbers compared by value and object member order ignored. */
  public static void assertJson(JsonNode actual, JsonNode expected) {
    assertThat(sameJson(actual, expected)).as("expected %s but was %s", expected, actual).isTrue();
  }

  public static void assertJson(JsonNode actual, String expected) {
    assertJson(actual, json(expected));
  }

  public static boolean sameJson(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
    }
    if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
      return false;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        if (!sameJson(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
