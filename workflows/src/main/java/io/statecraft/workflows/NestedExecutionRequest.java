package io.statecraft.workflows;

import java.util.Objects;

/**
 * What a {@code states:startExecution} Task asks {@link NestedExecutions} for.
 *
 * @param stateMachineArn the {@code StateMachineArn} parameter: a state machine, version or alias
 * @param executionName the {@code Name} parameter, or a name the workflow generated when it was
 *     absent (the same on every attempt)
 * @param input the {@code Input} parameter as JSON text ({@code {}} when absent)
 * @param parentExecutionArn the execution whose Task starts it
 * @param parentWorkflowId that execution's workflow id
 */
public record NestedExecutionRequest(
    String stateMachineArn,
    String executionName,
    String input,
    String parentExecutionArn,
    String parentWorkflowId) {

  public NestedExecutionRequest {
    Objects.requireNonNull(stateMachineArn, "stateMachineArn");
    Objects.requireNonNull(executionName, "executionName");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(parentExecutionArn, "parentExecutionArn");
    Objects.requireNonNull(parentWorkflowId, "parentWorkflowId");
  }
}
