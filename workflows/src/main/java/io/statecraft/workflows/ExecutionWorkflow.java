package io.statecraft.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The interpreter workflow: one Step Functions execution of any state machine.
 *
 * <p>Start it with workflow type {@value #WORKFLOW_TYPE}, workflow id {@link
 * ExecutionRequest#workflowId()} ({@code <stateMachineName>/<executionName>}), the platform's task
 * queue ({@link WorkerSettings#taskQueue()}) and the search attributes {@link
 * StatecraftSearchAttributes#STATE_MACHINE_NAME} and {@link
 * StatecraftSearchAttributes#EXECUTION_NAME}; {@link StatecraftClient#start} does exactly that.
 *
 * <h2>How a run ends</h2>
 *
 * <ul>
 *   <li>{@code SUCCEEDED}: the workflow completes with an {@link ExecutionResult}.
 *   <li>{@code FAILED} and {@code TIMED_OUT}: the workflow fails with a non-retryable {@code
 *       ApplicationFailure} whose type is the ASL error ({@value ExecutionResult#NO_ERROR_TYPE}
 *       when the failure has no error name), whose message is the cause, and whose first detail is
 *       the {@link ExecutionResult}. Temporal's Web UI shows the execution as Failed.
 *   <li>{@code ABORTED}: the workflow was cancelled ({@link StopReason}); it records {@code
 *       ExecutionAborted}, keeps the {@link ExecutionResult} in its memo under {@value
 *       ExecutionResult#MEMO_KEY} and ends as Canceled.
 *   <li>Continue-as-new: the execution goes on in a new run of the same workflow id, with the same
 *       {@code $$.Execution} and an {@link ExecutionRequest#resume()} snapshot. Event ids continue
 *       across runs.
 * </ul>
 *
 * <h2>Queries</h2>
 *
 * Both queries answer for the run they are sent to, running or closed (a closed run answers by
 * replay on a worker).
 */
@WorkflowInterface
public interface ExecutionWorkflow extends TaskCallbacks {

  /** The workflow type. */
  String WORKFLOW_TYPE = "StatecraftExecution";

  /** The query name of {@link #progress()}. */
  String QUERY_PROGRESS = "progress";

  /** The query name of {@link #events(long, int)}. */
  String QUERY_EVENTS = "events";

  /** The query name of {@link #definition()}. */
  String QUERY_DEFINITION = "definition";

  /** The most events one {@link #events} answer holds, as AWS's {@code maxResults} limit. */
  int MAX_EVENTS_PER_QUERY = 1000;

  /**
   * Runs the execution (or, with {@link ExecutionRequest#resume()}, continues it) to its end.
   *
   * @return the result of a succeeded execution; other endings are described above
   */
  @WorkflowMethod(name = WORKFLOW_TYPE)
  ExecutionResult run(ExecutionRequest request);

  /** The status of the execution as this run sees it, the states it is in, and its event range. */
  @QueryMethod(name = QUERY_PROGRESS)
  ExecutionProgress progress();

  /**
   * The AWS-shaped history events this run recorded with an id above {@code afterEventId}, oldest
   * first, at most {@code maxEvents} (1 to {@value #MAX_EVENTS_PER_QUERY}). Ids are contiguous
   * within a run and across runs: run {@code n+1} starts at {@link EventPage#lastEventId()} + 1 of
   * run {@code n}.
   */
  @QueryMethod(name = QUERY_EVENTS)
  EventPage events(long afterEventId, int maxEvents);

  /**
   * The definition this execution runs (JSON text), so that the child workflows running its large
   * Map states need not carry it in their input.
   */
  @QueryMethod(name = QUERY_DEFINITION)
  String definition();
}
