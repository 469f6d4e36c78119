package io.statecraft.asl.property;

import static io.statecraft.asl.property.JsonArbitraries.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.interpret.ExecutionStart;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.interpret.memory.SeededEntropy;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Evaluation scopes for expressions outside a state: input, context, variables, result. */
final class Scopes {

  private Scopes() {}

  /** What an expression is evaluated against. */
  record Data(JsonNode input, Map<String, JsonNode> variables, JsonNode result, long seed) {

    /** A fresh scope each time, with its own clock and entropy, so evaluations can repeat. */
    EvaluationScope scope() {
      Instant now = InMemoryRunner.DEFAULT_START;
      ObjectNode errorOutput = NODES.objectNode().put("Error", "Flaky").put("Cause", "why");
      return EvaluationScope.of(
              input, context(input), variables::get, () -> now, new SeededEntropy(seed))
          .withResult(result)
          .withErrorOutput(errorOutput);
    }
  }

  static Arbitrary<Data> data() {
    return Combinators.combine(
            JsonArbitraries.inputs(),
            Combinators.combine(
                    Arbitraries.of(PathArbitraries.VARIABLES), JsonArbitraries.values(2))
                .as(Map::entry)
                .list()
                .ofMaxSize(4),
            JsonArbitraries.values(2),
            Arbitraries.longs())
        .as(
            (input, vars, result, seed) -> {
              Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
              vars.forEach(e -> variables.put(e.getKey(), e.getValue()));
              return new Data(input, variables, result, seed);
            });
  }

  static ObjectNode context(JsonNode input) {
    ExecutionStart start =
        InMemoryRunner.executionStart("Generated", "run", input, InMemoryRunner.DEFAULT_START);
    return ContextObject.of(start.execution(), start.stateMachine())
        .withState(new ContextObject.StateInfo("S", "2024-01-01T00:00:00Z", 0))
        .toJson();
  }
}
