package io.statecraft.asl.interpret;

import io.statecraft.asl.dataflow.ContextObject;
import java.util.Objects;

/**
 * What a new execution starts with: its identity and input ({@code $$.Execution}) and its state
 * machine ({@code $$.StateMachine}).
 *
 * @param execution the execution's ARN, name, input, role, start time and redrive count
 * @param stateMachine the state machine's ARN and name
 */
public record ExecutionStart(
    ContextObject.ExecutionInfo execution, ContextObject.StateMachineInfo stateMachine) {
  public ExecutionStart {
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(stateMachine, "stateMachine");
  }
}
