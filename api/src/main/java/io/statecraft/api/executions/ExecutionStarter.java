package io.statecraft.api.executions;

import io.grpc.StatusRuntimeException;
import io.statecraft.api.executions.ExecutionRecords.ExecutionRow;
import io.statecraft.api.statemachines.Revision;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClientException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands recorded executions to Temporal: builds the workflow's request from the row and the exact
 * revision it pinned, starts the workflow and marks the row running. Starting is idempotent (a
 * running workflow of the same id is answered as it is), so a row can be handed over again after a
 * crash or a failed attempt without starting it twice.
 */
final class ExecutionStarter {

  private static final Logger log = LoggerFactory.getLogger(ExecutionStarter.class);

  private final StatecraftClient client;
  private final ExecutionRecords records;
  private final StateMachineRegistry registry;
  private final ExecutionReconciler reconciler;

  ExecutionStarter(
      StatecraftClient client,
      ExecutionRecords records,
      StateMachineRegistry registry,
      ExecutionReconciler reconciler) {
    this.client = client;
    this.records = records;
    this.registry = registry;
    this.reconciler = reconciler;
  }

  /** The request that starts {@code row}'s workflow. */
  ExecutionRequest request(ExecutionRow row) {
    Revision revision =
        registry
            .findRevision(row.revisionId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Revision " + row.revisionId() + " of " + row.executionArn() + " is gone"));
    String machineName = row.workflowId().substring(0, row.workflowId().indexOf('/'));
    return ExecutionRequest.start(
        // $$.StateMachine.Id: the version's ARN when one was run, as on AWS.
        row.versionArn() != null ? row.versionArn() : row.stateMachineArn(),
        machineName,
        row.executionArn(),
        row.name(),
        revision.roleArn(),
        row.startDate(),
        row.input(),
        revision.definition());
  }

  /**
   * Starts {@code row}'s workflow unless it runs already.
   *
   * @return the run id, or empty when Temporal could not be reached (the row stays {@code PENDING}
   *     and is handed over again later)
   */
  Optional<String> start(ExecutionRow row) {
    StatecraftClient.StartedExecution started;
    try {
      started = client.start(request(row));
    } catch (StatecraftClientException e) {
      if (e.reason() == StatecraftClientException.Reason.EXECUTION_ALREADY_EXISTS) {
        // It started and ended before its row was marked: record how it ended.
        log.info("Execution {} had already run; recording its outcome", row.executionArn());
        ExecutionRow settled = reconciler.settle(records.find(row.executionArn()).orElse(row));
        return Optional.of(settled.runId() == null ? "" : settled.runId());
      }
      throw e;
    } catch (StatusRuntimeException e) {
      log.debug(
          "Execution {} is accepted but Temporal is not reachable ({}); it starts once it is",
          row.executionArn(),
          e.getStatus().getCode());
      return Optional.empty();
    }
    if (!records.markRunning(row.executionArn(), started.runId())) {
      // The execution was stopped while its workflow was being started: stop the workflow too.
      ExecutionRow stopped = records.find(row.executionArn()).orElse(row);
      client.stop(started.workflowId(), stopped.error(), stopped.cause());
    }
    return Optional.of(started.runId());
  }
}
