package io.statecraft.workflows;

import io.statecraft.asl.interpret.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The client side of executions, over a Temporal {@code WorkflowClient}: what the Step Functions
 * API actions {@code StartExecution}, {@code DescribeExecution}, {@code StopExecution}, {@code
 * GetExecutionHistory}, {@code StartSyncExecution}, {@code SendTaskSuccess}, {@code
 * SendTaskFailure} and {@code SendTaskHeartbeat} need. Obtain one with {@code
 * StatecraftClients.create(workflowClient, taskQueue)}.
 *
 * <p>Every method throws {@link StatecraftClientException} with a {@link
 * StatecraftClientException.Reason} that names the AWS error to answer, and lets Temporal's
 * connection failures ({@code io.grpc.StatusRuntimeException}) through unchanged.
 */
public interface StatecraftClient {

  /**
   * Starts an execution ({@link ExecutionWorkflow} with its id, the platform's task queue and the
   * search attributes). Starting an execution whose workflow is already running returns that run
   * ({@link StartedExecution#alreadyStarted()}): the caller decides, as AWS does, whether the same
   * name with the same input is the same execution.
   *
   * @throws StatecraftClientException {@code EXECUTION_ALREADY_EXISTS} when a closed execution
   *     already has this workflow id
   */
  StartedExecution start(ExecutionRequest request);

  /**
   * The execution's status and, once it ended, its output or error and cause and when it stopped.
   * Follows continue-as-new to the latest run.
   *
   * @throws StatecraftClientException {@code EXECUTION_DOES_NOT_EXIST}
   */
  ExecutionDescription describe(String workflowId);

  /**
   * Waits until the execution ends ({@code StartSyncExecution}), at most {@code timeout}.
   *
   * @throws StatecraftClientException {@code EXECUTION_DOES_NOT_EXIST}, or {@code STILL_RUNNING}
   *     when the timeout passed first
   */
  ExecutionDescription awaitClose(String workflowId, Duration timeout);

  /**
   * The states the execution is in now, and its event range in the latest run (a query: a worker
   * must be running).
   *
   * @throws StatecraftClientException {@code EXECUTION_DOES_NOT_EXIST}
   */
  ExecutionProgress progress(String workflowId);

  /**
   * One page of {@code GetExecutionHistory}, across the runs of the execution, in event order or
   * (with {@code reverseOrder}) newest first. Each event renders as AWS returns it with {@link
   * HistoryEvent#toAwsJson()}.
   *
   * @param nextToken {@code null} for the first page, else the token of the previous page
   * @param maxResults 1 to {@value ExecutionWorkflow#MAX_EVENTS_PER_QUERY}; 0 means 100, AWS's
   *     default
   * @throws StatecraftClientException {@code EXECUTION_DOES_NOT_EXIST}, {@code INVALID_TOKEN} for a
   *     page token this method did not write for this execution and order
   */
  HistoryPage history(String workflowId, String nextToken, int maxResults, boolean reverseOrder);

  /**
   * Stops a running execution with AWS's error and cause (see {@link StopReason}); stopping one
   * that already ended changes nothing.
   *
   * @throws StatecraftClientException {@code EXECUTION_DOES_NOT_EXIST}
   */
  void stop(String workflowId, String error, String cause);

  /**
   * {@code SendTaskSuccess}.
   *
   * @throws StatecraftClientException {@code INVALID_TOKEN}, {@code TASK_DOES_NOT_EXIST}, {@code
   *     TASK_TIMED_OUT} or {@code INVALID_OUTPUT}
   */
  void sendTaskSuccess(String taskToken, String output);

  /**
   * {@code SendTaskFailure}.
   *
   * @throws StatecraftClientException {@code INVALID_TOKEN}, {@code TASK_DOES_NOT_EXIST} or {@code
   *     TASK_TIMED_OUT}
   */
  void sendTaskFailure(String taskToken, String error, String cause);

  /**
   * {@code SendTaskHeartbeat}.
   *
   * @throws StatecraftClientException {@code INVALID_TOKEN}, {@code TASK_DOES_NOT_EXIST} or {@code
   *     TASK_TIMED_OUT}
   */
  void sendTaskHeartbeat(String taskToken);

  /**
   * A started execution.
   *
   * @param workflowId its workflow id
   * @param runId the run that was started, or the running one
   * @param alreadyStarted whether the workflow was running already
   */
  record StartedExecution(String workflowId, String runId, boolean alreadyStarted) {}

  /**
   * What {@code DescribeExecution} needs from Temporal.
   *
   * @param workflowId the execution's workflow id
   * @param firstRunId the run that started it
   * @param latestRunId the run it is in, or ended in
   * @param status its status
   * @param closeTime when it ended, or {@code null}
   * @param output the output when it succeeded, JSON text
   * @param error the error when it failed, timed out or was aborted, or {@code null}
   * @param cause the cause that goes with it, or {@code null}
   */
  record ExecutionDescription(
      String workflowId,
      String firstRunId,
      String latestRunId,
      ExecutionStatus status,
      Instant closeTime,
      String output,
      String error,
      String cause) {
    public ExecutionDescription {
      Objects.requireNonNull(workflowId, "workflowId");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * A page of {@code GetExecutionHistory}.
   *
   * @param events the events, in the order asked for
   * @param nextToken the token of the next page, or {@code null} when this is the last
   */
  record HistoryPage(List<HistoryEvent> events, String nextToken) {
    public HistoryPage {
      events = List.copyOf(events);
    }
  }
}
