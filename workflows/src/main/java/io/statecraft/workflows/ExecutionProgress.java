package io.statecraft.workflows;

import java.util.List;
import java.util.Objects;

/**
 * What the {@value ExecutionWorkflow#QUERY_PROGRESS} query answers about one run.
 *
 * @param status {@code RUNNING}, or how the execution ended in this run; a run that continued as
 *     new reports {@code RUNNING} (the execution goes on in the next run)
 * @param currentStates the states running now, in the order they were entered: one at the top
 *     level, more inside Parallel and Map states (shown as {@code Outer/Inner}); empty once ended
 * @param runId this run's id
 * @param previousRunId the run this one continues, or {@code null} for the first run
 * @param run the run's number within the execution, from 1
 * @param firstEventId the id of the first history event this run recorded
 * @param lastEventId the id of the last history event this run recorded so far
 * @param continuedAsNew whether this run ended by continuing as a new run
 * @param result how the execution ended, once it ended in this run; else {@code null}
 */
public record ExecutionProgress(
    ExecutionStatus status,
    List<String> currentStates,
    String runId,
    String previousRunId,
    int run,
    long firstEventId,
    long lastEventId,
    boolean continuedAsNew,
    ExecutionResult result) {

  public ExecutionProgress {
    Objects.requireNonNull(status, "status");
    currentStates = List.copyOf(currentStates);
  }
}
