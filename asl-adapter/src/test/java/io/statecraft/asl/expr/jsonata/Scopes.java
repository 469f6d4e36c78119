package io.statecraft.asl.expr.jsonata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Variables;
import io.statecraft.asl.port.Clock;
import io.statecraft.asl.port.Entropy;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Evaluation scopes for tests: fixed clock, seeded entropy, variables from a map. */
final class Scopes {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant NOW = Instant.parse("2024-11-22T10:15:30.123Z");

  private Scopes() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** Entropy drawn from a seeded generator: the same seed gives the same values. */
  static Entropy entropy(long seed) {
    Random random = new Random(seed);
    return new Entropy() {
      @Override
      public UUID randomUuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
          hi = (hi << 8) | (b[i] & 0xff);
          lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
      }

      @Override
      public double nextDouble() {
        return random.nextDouble();
      }
    };
  }

  static Clock clock(Instant instant) {
    return () -> instant;
  }

  static Variables variables(Map<String, JsonNode> values) {
    return values::get;
  }

  static EvaluationScope scope(String input) {
    return scope(json(input), Map.of());
  }

  static EvaluationScope scope(JsonNode input, Map<String, JsonNode> variables) {
    return new EvaluationScope(
        input,
        json("{\"Execution\":{\"Id\":\"arn:exec\"},\"State\":{\"Name\":\"S\"}}"),
        variables(variables),
        clock(NOW),
        entropy(42),
        MissingNode.getInstance(),
        MissingNode.getInstance());
  }
}
