package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of evaluating one state on its own, as the TestState action reports it.
 *
 * @param status how the state ended
 * @param output the state's output (SUCCEEDED and CAUGHT_ERROR)
 * @param nextState the state it would go to next, or {@code null} when it ends its graph or failed
 * @param variables the variables after the state
 * @param error the error (FAILED, RETRIABLE and CAUGHT_ERROR)
 * @param cause the cause, when there is one
 * @param events the history events the state produced
 */
public record StateEvaluation(
    Status status,
    JsonNode output,
    String nextState,
    Map<String, JsonNode> variables,
    String error,
    String cause,
    List<HistoryEvent> events) {

  /** TestState's {@code status}. */
  public enum Status {
    /** The state completed. */
    SUCCEEDED,
    /** The state failed and nothing caught the error. */
    FAILED,
    /** The state failed and a retrier would retry it; TestState does not retry. */
    RETRIABLE,
    /** The state failed and a catcher took the error; the output is the catcher's. */
    CAUGHT_ERROR
  }

  public StateEvaluation {
    Objects.requireNonNull(status, "status");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    events = List.copyOf(events);
  }
}
