package io.statecraft.workflows;

import java.util.Objects;

/** Why a {@link StatecraftClient} call was refused, named after the AWS error to answer with. */
public final class StatecraftClientException extends RuntimeException {

  /** The refusals, each with AWS's error code. */
  public enum Reason {
    /** No execution has this workflow id: {@code ExecutionDoesNotExist}. */
    EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist"),
    /** A closed execution already has this workflow id: {@code ExecutionAlreadyExists}. */
    EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists"),
    /** {@code awaitClose} timed out while the execution kept running. */
    STILL_RUNNING("ExecutionStillRunning"),
    /** A task token or page token that cannot be read: {@code InvalidToken}. */
    INVALID_TOKEN("InvalidToken"),
    /** See {@link CallbackError#TASK_DOES_NOT_EXIST}. */
    TASK_DOES_NOT_EXIST("TaskDoesNotExist"),
    /** See {@link CallbackError#TASK_TIMED_OUT}. */
    TASK_TIMED_OUT("TaskTimedOut"),
    /** See {@link CallbackError#INVALID_OUTPUT}. */
    INVALID_OUTPUT("InvalidOutput");

    private final String awsCode;

    Reason(String awsCode) {
      this.awsCode = awsCode;
    }

    /** AWS's error code for this refusal. */
    public String awsCode() {
      return awsCode;
    }
  }

  private final Reason reason;

  public StatecraftClientException(Reason reason, String message) {
    this(reason, message, null);
  }

  public StatecraftClientException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
