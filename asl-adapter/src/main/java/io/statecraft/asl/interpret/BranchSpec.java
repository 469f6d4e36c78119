package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.dataflow.ExactJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A serialisable description of one branch or iteration, complete enough to run it in another
 * workflow with {@link Interpreter#runBranch} and get exactly what the in-process body gives.
 *
 * @param kind Parallel branch, inline Map iteration or Distributed Map child execution
 * @param stateName the Parallel or Map state that fans out
 * @param graphPointer where the sub-graph is in the state machine definition, as a JSON pointer:
 *     {@code /States/Fan/Branches/1} or {@code /States/Items/ItemProcessor} (or {@code Iterator})
 * @param index the branch number or the item index, from 0
 * @param scopePath the scope of the sub-graph's states, such as {@code Items[3]}; it prefixes their
 *     task invocation ids
 * @param input the branch's or iteration's input
 * @param context the context object to start from (execution and state machine; no state)
 * @param outerVariables the variables of the enclosing scopes, readable but not assignable inside;
 *     empty for a Distributed Map
 * @param visitBase the visit number the states of the branch count from: their first entry is
 *     {@code visitBase + 1}; above 0 when the fan-out has run before, so that invocation ids stay
 *     unique when a scope runs again
 * @param executionDeadline when the execution times out ({@code $$.Execution.StartTime} form), or
 *     {@code null}
 */
public record BranchSpec(
    FanOutKind kind,
    String stateName,
    String graphPointer,
    int index,
    String scopePath,
    @JsonDeserialize(using = ExactJson.class) JsonNode input,
    ContextObject context,
    @JsonDeserialize(contentUsing = ExactJson.class) Map<String, JsonNode> outerVariables,
    int visitBase,
    String executionDeadline) {

  public BranchSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stateName, "stateName");
    Objects.requireNonNull(graphPointer, "graphPointer");
    Objects.requireNonNull(scopePath, "scopePath");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(context, "context");
    outerVariables = Collections.unmodifiableMap(new LinkedHashMap<>(outerVariables));
  }
}
