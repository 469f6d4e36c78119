package io.statecraft.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A whole state machine, read and validated.
 *
 * @param graph the top-level states
 * @param queryLanguage the top-level {@code QueryLanguage} (JSONPath when absent)
 * @param version the {@code Version} field, or {@code null}
 * @param timeoutSeconds the execution's {@code TimeoutSeconds}, if set
 * @param source the definition as read, for hashing, storing and describing
 */
public record StateMachine(
    Graph graph,
    QueryLanguage queryLanguage,
    String version,
    OptionalInt timeoutSeconds,
    JsonNode source) {

  public StateMachine {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(source, "source");
  }
}
