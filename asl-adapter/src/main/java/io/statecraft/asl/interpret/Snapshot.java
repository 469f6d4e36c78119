package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.dataflow.ExactJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything needed to continue an execution in a new run exactly where it stopped: taken at a
 * top-level state boundary, serialisable with Jackson.
 *
 * @param nextState the state to enter next
 * @param input that state's input
 * @param variables the top-level variables, in assignment order
 * @param execution {@code $$.Execution}, unchanged from the first run
 * @param stateMachine {@code $$.StateMachine}
 * @param nextEventId the id the next history event gets
 * @param eventSource the id the next event's {@code previousEventId} points to
 * @param visits the visit counters of the top-level states, and the visit watermark of each
 *     top-level Parallel and Map state (keyed {@code <state>[*]}); bounded by the number of states
 * @param executionDeadline when the execution times out, or {@code null}
 * @param runs how many runs came before the one that resumes from this snapshot
 */
public record Snapshot(
    String nextState,
    @JsonDeserialize(using = ExactJson.class) JsonNode input,
    @JsonDeserialize(contentUsing = ExactJson.class) Map<String, JsonNode> variables,
    ContextObject.ExecutionInfo execution,
    ContextObject.StateMachineInfo stateMachine,
    long nextEventId,
    long eventSource,
    Map<String, Integer> visits,
    String executionDeadline,
    int runs) {

  public Snapshot {
    Objects.requireNonNull(nextState, "nextState");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(stateMachine, "stateMachine");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    visits = Collections.unmodifiableMap(new TreeMap<>(visits));
  }
}
