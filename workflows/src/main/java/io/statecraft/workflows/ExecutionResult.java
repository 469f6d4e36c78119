package io.statecraft.workflows;

import java.util.Objects;

/**
 * How an execution ended: the result of {@link ExecutionWorkflow#run} when it succeeded, and the
 * first detail of the workflow's failure when it failed or timed out.
 *
 * @param status {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT} or {@code ABORTED}
 * @param output the output of a succeeded execution, JSON text; else {@code null}
 * @param error the error name of a failed, timed-out or aborted execution; {@code null} when there
 *     is none (a Fail state without {@code Error}, a stop without an error)
 * @param cause the cause that goes with the error, or {@code null}
 * @param lastEventId the id of the execution's last history event ({@code ExecutionSucceeded},
 *     {@code ExecutionFailed}, …)
 */
public record ExecutionResult(
    ExecutionStatus status, String output, String error, String cause, long lastEventId) {

  /**
   * The memo key under which an aborted execution's workflow keeps its result: Temporal records no
   * details with a cancelled workflow, so the error and cause of the stop are kept there.
   */
  public static final String MEMO_KEY = "StatecraftResult";

  /** The failure type of a failed workflow whose execution failed without an error name. */
  public static final String NO_ERROR_TYPE = "Statecraft.NoError";

  public ExecutionResult {
    Objects.requireNonNull(status, "status");
    if (status == ExecutionStatus.RUNNING) {
      throw new IllegalArgumentException("a result is for an execution that has ended");
    }
  }
}
