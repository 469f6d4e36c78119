package io.statecraft.api.executions;

import io.statecraft.api.statemachines.Page;
import io.statecraft.api.statemachines.StateMachineRegistry;
import java.time.Instant;

/**
 * Executions, their histories and task-token callbacks: the one seam through which both APIs reach
 * the workflow engine. The AWS protocol actions {@code StartExecution}, {@code StartSyncExecution},
 * {@code DescribeExecution}, {@code DescribeStateMachineForExecution}, {@code ListExecutions},
 * {@code StopExecution}, {@code GetExecutionHistory}, {@code SendTaskSuccess}, {@code
 * SendTaskFailure}, {@code SendTaskHeartbeat} and {@code TestState} dispatch to it once an
 * implementation is present; errors are thrown as {@link io.statecraft.api.error.ApiException} with
 * Step Functions' error codes.
 *
 * <p>An implementation resolves what to run with {@link
 * StateMachineRegistry#resolveForExecution(String, String)}, records the execution with {@link
 * ExecutionRecords#accept} (pinned to the exact revision, idempotent by name and input) before it
 * starts the Temporal workflow, marks it running and finished there, and starts what {@link
 * ExecutionRecords#pending} still holds after a crash; so no accepted execution is lost.
 */
public interface ExecutionService {

  /**
   * {@code StartExecution}. Idempotent by name: the same name and input answer the running
   * execution; a different input is {@code ExecutionAlreadyExists}.
   */
  Started start(StartCommand command);

  /**
   * {@code StartSyncExecution} (EXPRESS state machines): runs to the end and answers the result.
   */
  SyncResult startSync(StartCommand command);

  /** {@code DescribeExecution}. */
  Execution describe(String executionArn);

  /**
   * The execution as this service recorded it, without asking the workflow engine: what {@code
   * StartExecution} answers about the execution it started.
   *
   * @throws io.statecraft.api.error.ApiException {@code ExecutionDoesNotExist}
   */
  Execution recorded(String executionArn);

  /**
   * The states a running execution is in now (inside Parallel and Map states as {@code
   * Outer/Inner}); empty once it ended, and when no worker answers in time.
   *
   * @throws io.statecraft.api.error.ApiException {@code ExecutionDoesNotExist}
   */
  java.util.List<String> currentStates(String executionArn);

  /** {@code DescribeStateMachineForExecution}: the exact revision the execution runs. */
  StateMachineRegistry.Description describeStateMachineForExecution(String executionArn);

  /** {@code ListExecutions} of a state machine, version or alias, newest first. */
  Page<ExecutionSummary> list(ListQuery query);

  /** {@code StopExecution}: aborts a running execution; answers the stop date. */
  Instant stop(String executionArn, String error, String cause);

  /** {@code GetExecutionHistory} in Step Functions' event shapes. */
  Page<HistoryEvent> history(HistoryQuery query);

  /** {@code SendTaskSuccess}. */
  void sendTaskSuccess(String taskToken, String output);

  /** {@code SendTaskFailure}. */
  void sendTaskFailure(String taskToken, String error, String cause);

  /** {@code SendTaskHeartbeat}. */
  void sendTaskHeartbeat(String taskToken);

  /** {@code TestState}: runs one state on its own. */
  TestStateResult testState(TestStateCommand command);

  /** Execution statuses. */
  enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED,
    PENDING_REDRIVE
  }

  /**
   * What starting an execution carries.
   *
   * @param stateMachineArn a state machine, version or alias ARN
   * @param name the execution name; {@code null} to have one generated
   * @param input the input JSON text; {@code null} for {@code {}}
   * @param traceHeader the X-Ray trace header as given, or {@code null}
   */
  record StartCommand(String stateMachineArn, String name, String input, String traceHeader) {}

  /**
   * What {@code StartExecution} answers.
   *
   * @param created whether this call started the execution; {@code false} when an execution of the
   *     same name and input was running already
   */
  record Started(String executionArn, Instant startDate, boolean created) {

    /** A newly started execution. */
    public Started(String executionArn, Instant startDate) {
      this(executionArn, startDate, true);
    }
  }

  /** What {@code StartSyncExecution} answers; output, error and cause as far as they apply. */
  record SyncResult(
      String executionArn,
      String stateMachineArn,
      String name,
      Instant startDate,
      Instant stopDate,
      Status status,
      String input,
      String output,
      String error,
      String cause) {}

  /**
   * An execution as {@code DescribeExecution} shows it.
   *
   * @param stateMachineVersionArn the version it runs, when started through a version or alias
   * @param stateMachineAliasArn the alias it was started through, if any
   * @param revisionId the revision of the definition it runs
   * @param workflowId its Temporal workflow id
   * @param runId its latest known Temporal run, or {@code null} before it was handed to Temporal
   */
  record Execution(
      String executionArn,
      String stateMachineArn,
      String name,
      Status status,
      Instant startDate,
      Instant stopDate,
      String input,
      String output,
      String error,
      String cause,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      String revisionId,
      String workflowId,
      String runId) {

    /** An execution not (yet) tied to a Temporal workflow run. */
    public Execution(
        String executionArn,
        String stateMachineArn,
        String name,
        Status status,
        Instant startDate,
        Instant stopDate,
        String input,
        String output,
        String error,
        String cause,
        String stateMachineVersionArn,
        String stateMachineAliasArn,
        String revisionId) {
      this(
          executionArn,
          stateMachineArn,
          name,
          status,
          startDate,
          stopDate,
          input,
          output,
          error,
          cause,
          stateMachineVersionArn,
          stateMachineAliasArn,
          revisionId,
          null,
          null);
    }
  }

  /**
   * One row of {@code ListExecutions}.
   *
   * @param error the error an execution that failed, timed out or was aborted ended with
   */
  record ExecutionSummary(
      String executionArn,
      String stateMachineArn,
      String name,
      Status status,
      Instant startDate,
      Instant stopDate,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      String revisionId,
      String error,
      String workflowId,
      String runId) {}

  /**
   * {@code ListExecutions}' parameters.
   *
   * @param statusFilter only executions in this status, or {@code null} for all
   * @param maxResults 0 for the default page size
   */
  record ListQuery(String stateMachineArn, Status statusFilter, String nextToken, int maxResults) {}

  /** {@code GetExecutionHistory}'s parameters. */
  record HistoryQuery(
      String executionArn,
      String nextToken,
      int maxResults,
      boolean reverseOrder,
      boolean includeExecutionData) {}

  /**
   * One history event in Step Functions' shape.
   *
   * @param type the event type, such as {@code TaskStateEntered}
   * @param detailsMember the name of the type's details member, such as {@code
   *     stateEnteredEventDetails}
   * @param details the details as JSON text, or {@code null}
   */
  record HistoryEvent(
      long id,
      long previousEventId,
      Instant timestamp,
      String type,
      String detailsMember,
      String details) {}

  /**
   * {@code TestState}'s parameters.
   *
   * @param definition the state's definition, JSON text
   * @param input the state input, JSON text
   * @param variables the variables the state sees, a JSON object as text, or {@code null}
   * @param context the context object ({@code $$}) fields to use, a JSON object as text, or {@code
   *     null}
   */
  record TestStateCommand(
      String definition,
      String roleArn,
      String input,
      String inspectionLevel,
      boolean revealSecrets,
      String variables,
      String context) {

    /** Parameters without a context object. */
    public TestStateCommand(
        String definition,
        String roleArn,
        String input,
        String inspectionLevel,
        boolean revealSecrets,
        String variables) {
      this(definition, roleArn, input, inspectionLevel, revealSecrets, variables, null);
    }
  }

  /**
   * What {@code TestState} answers.
   *
   * @param output the state's output, JSON text, when it succeeded or caught its error
   * @param inspectionData the data flow of the state, a JSON object as text, or {@code null}
   * @param status {@code SUCCEEDED}, {@code FAILED}, {@code RETRIABLE} or {@code CAUGHT_ERROR}
   * @param variables the variables after the state, a JSON object as text, or {@code null}
   */
  record TestStateResult(
      String output,
      String error,
      String cause,
      String inspectionData,
      String nextState,
      String status,
      String variables) {

    /** A result without variables. */
    public TestStateResult(
        String output,
        String error,
        String cause,
        String inspectionData,
        String nextState,
        String status) {
      this(output, error, cause, inspectionData, nextState, status, null);
    }
  }
}
