package io.statecraft.workflows;

import java.util.Optional;

/**
 * Why a task-token callback was refused, named as AWS names the errors of {@code SendTaskSuccess},
 * {@code SendTaskFailure} and {@code SendTaskHeartbeat}. A workflow's update validator fails with
 * an {@code ApplicationFailure} whose type is {@link #code()}.
 */
public enum CallbackError {
  /** "The provided token is not valid": it cannot be read as a Statecraft task token. */
  INVALID_TOKEN("InvalidToken"),
  /** The token names no task: no such execution, or no task of it ever had this token. */
  TASK_DOES_NOT_EXIST("TaskDoesNotExist"),
  /**
   * "The task token has either expired or the task associated with the token has already been
   * closed": the task got its result, timed out, or its execution ended or moved to another run.
   */
  TASK_TIMED_OUT("TaskTimedOut"),
  /** "The provided JSON output data is not valid" ({@code SendTaskSuccess} only). */
  INVALID_OUTPUT("InvalidOutput");

  private final String code;

  CallbackError(String code) {
    this.code = code;
  }

  /** AWS's error code, which is also the failure type of a rejected update. */
  public String code() {
    return code;
  }

  /** The error with this code, if any. */
  public static Optional<CallbackError> ofCode(String code) {
    for (CallbackError e : values()) {
      if (e.code.equals(code)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
