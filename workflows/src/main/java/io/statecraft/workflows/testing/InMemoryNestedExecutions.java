package io.statecraft.workflows.testing;

import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.NestedExecutionRequest;
import io.statecraft.workflows.NestedExecutions;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link NestedExecutions} over a fixed set of state machines, for tests: resolves {@code
 * StateMachineArn} (a state machine, or a version or alias of it, which all run the one definition
 * registered under the name), and answers like the registry does: the same name and input give the
 * same execution, another input under a used name is {@code
 * StepFunctions.ExecutionAlreadyExistsException}, an unknown state machine {@code
 * StepFunctions.StateMachineDoesNotExistException}.
 */
public final class InMemoryNestedExecutions implements NestedExecutions {

  private static final Pattern STATE_MACHINE_ARN =
      Pattern.compile("arn:aws:states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:]+)(?::[^:]+)?");

  private final Map<String, String> definitions = new HashMap<>();
  private final Map<String, ExecutionRequest> executions = new HashMap<>();
  private final Supplier<Instant> clock;

  /**
   * @param clock when a nested execution starts (the test environment's clock)
   */
  public InMemoryNestedExecutions(Supplier<Instant> clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Makes a state machine available to {@code states:startExecution}. */
  public synchronized InMemoryNestedExecutions stateMachine(String name, String definition) {
    definitions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(definition));
    return this;
  }

  @Override
  public synchronized ExecutionRequest prepare(NestedExecutionRequest request) {
    Matcher m = STATE_MACHINE_ARN.matcher(request.stateMachineArn());
    if (!m.matches()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Invalid Arn: '" + request.stateMachineArn() + "'", "StepFunctions.InvalidArnException");
    }
    String name = m.group(3);
    String definition = definitions.get(name);
    if (definition == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "State Machine Does Not Exist: '" + request.stateMachineArn() + "'",
          "StepFunctions.StateMachineDoesNotExistException");
    }
    String key = name + "/" + request.executionName();
    ExecutionRequest known = executions.get(key);
    if (known != null) {
      if (!known.input().equals(request.input())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Execution Already Exists: '" + known.executionArn() + "'",
            "StepFunctions.ExecutionAlreadyExistsException");
      }
      return known;
    }
    String prefix = "arn:aws:states:" + m.group(1) + ":" + m.group(2) + ":";
    ExecutionRequest started =
        ExecutionRequest.start(
            prefix + "stateMachine:" + name,
            name,
            prefix + "execution:" + name + ":" + request.executionName(),
            request.executionName(),
            "arn:aws:iam::" + m.group(2) + ":role/StatecraftExecutionRole",
            clock.get(),
            request.input(),
            definition);
    executions.put(key, started);
    return started;
  }
}
