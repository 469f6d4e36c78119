package io.statecraft.api.executions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionRecords.ExecutionRow;
import io.statecraft.api.executions.ExecutionRecords.RowStatus;
import io.statecraft.api.statemachines.Arns;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.validation.Names;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.NestedExecutionRequest;
import io.statecraft.workflows.NestedExecutions;
import io.statecraft.workflows.WorkflowIds;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@link NestedExecutions} from the state machine registry: a {@code states:startExecution} Task's
 * child is resolved (state machine, version or alias) and recorded like any execution, so that it
 * can be described, listed and stopped. Its parent's workflow starts it.
 */
final class RegistryNestedExecutions implements NestedExecutions {

  private final StateMachineRegistry registry;
  private final ExecutionRecords records;
  private final ExecutionStarter starter;
  private final Arns arns;
  private final JsonPayloads payloads;
  private final Clock clock;

  RegistryNestedExecutions(
      StateMachineRegistry registry,
      ExecutionRecords records,
      ExecutionStarter starter,
      Arns arns,
      ObjectMapper json,
      Clock clock) {
    this.registry = registry;
    this.records = records;
    this.starter = starter;
    this.arns = arns;
    this.payloads = new JsonPayloads(json);
    this.clock = clock;
  }

  @Override
  public ExecutionRequest prepare(NestedExecutionRequest request) {
    try {
      if (!Names.isValidResourceName(request.executionName())) {
        throw new ApiException(
            ErrorCode.INVALID_NAME, "Invalid Name: '" + request.executionName() + "'");
      }
      String input = payloads.input(request.input());
      StateMachineRegistry.ExecutionTarget target =
          registry.resolveForExecution(request.stateMachineArn(), request.executionName());
      String machine = target.stateMachine().name();
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      ExecutionRow row =
          ExecutionRow.started(
              target,
              arns.execution(machine, request.executionName()),
              request.executionName(),
              input,
              RowStatus.RUNNING,
              now,
              WorkflowIds.execution(machine, request.executionName()),
              request.parentExecutionArn());
      return starter.request(records.acceptNested(row).row());
    } catch (ApiException e) {
      // The names AWS's states:startExecution integration reports, which Retry and Catch match.
      String type = e.code().awsType();
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(),
          "StepFunctions." + (type.endsWith("Exception") ? type : type + "Exception"));
    }
  }
}
