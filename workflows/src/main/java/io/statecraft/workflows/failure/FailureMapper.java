package io.statecraft.workflows.failure;

import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.StatesError;
import io.statecraft.workflows.CallbackError;
import io.statecraft.workflows.ExecutionResult;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Optional;

/**
 * Between Temporal's failures and ASL's errors, in both directions. No other class inspects
 * Temporal failure types.
 *
 * <ul>
 *   <li>An activity's {@code ApplicationFailure}: its type is the ASL error name ({@code
 *       TaskError.of(name, cause)} on the task side), its message the cause.
 *   <li>A timeout: {@code START_TO_CLOSE}, {@code SCHEDULE_TO_CLOSE} and {@code SCHEDULE_TO_START}
 *       are {@code States.Timeout} (TimeoutSeconds passed, whether the task ran or waited for a
 *       worker); {@code HEARTBEAT} is {@code States.HeartbeatTimeout}.
 *   <li>A cancellation is not an ASL error: the caller decides whether the execution is being
 *       stopped or only a branch.
 * </ul>
 */
public final class FailureMapper {

  /** The cause of {@code States.Timeout} for a task that ran past its TimeoutSeconds. */
  public static final String TIMEOUT_CAUSE = "The task ran longer than its TimeoutSeconds.";

  /** The cause of {@code States.HeartbeatTimeout}. */
  public static final String HEARTBEAT_CAUSE =
      "The task sent no heartbeat for longer than its HeartbeatSeconds.";

  private FailureMapper() {}

  /**
   * Whether a blocking call failed with one of Temporal's failures (an activity, a child workflow,
   * a timeout, a cancellation), as opposed to a programming error.
   */
  public static boolean isTemporalFailure(Throwable failure) {
    return failure instanceof TemporalFailure;
  }

  /** Whether the failure is, or was caused by, a cancellation. */
  public static boolean isCancellation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CanceledFailure) {
        return true;
      }
      if (t instanceof ApplicationFailure || t instanceof TimeoutFailure) {
        return false;
      }
    }
    return false;
  }

  /**
   * The ASL error of a failed activity or child workflow (or of any failure an await ended with).
   * Call it only when {@link #isCancellation} is false.
   */
  public static AslError toAslError(Throwable failure) {
    Throwable t = failure;
    while (t instanceof ActivityFailure || t instanceof ChildWorkflowFailure) {
      if (t.getCause() == null) {
        break;
      }
      t = t.getCause();
    }
    return switch (t) {
      case ApplicationFailure app -> {
        String type = app.getType();
        // Temporal keeps no difference between an absent message and an empty one: both are
        // read as "no cause", which is what a task that gives none means.
        String cause = app.getOriginalMessage();
        yield new AslError(
            type == null || type.isEmpty() ? StatesError.TASK_FAILED.errorName() : type,
            cause == null || cause.isEmpty() ? null : cause);
      }
      case TimeoutFailure timeout ->
          timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_HEARTBEAT
              ? AslError.of(StatesError.HEARTBEAT_TIMEOUT, HEARTBEAT_CAUSE)
              : AslError.of(StatesError.TIMEOUT, TIMEOUT_CAUSE);
      case WorkflowExecutionAlreadyStarted started ->
          new AslError(
              "StepFunctions.ExecutionAlreadyExistsException",
              "Execution Already Exists: '" + started.getExecution().getWorkflowId() + "'");
      case TerminatedFailure terminated ->
          AslError.of(
              StatesError.TASK_FAILED,
              "The workflow running the task was terminated: " + terminated.getOriginalMessage());
      default -> AslError.of(StatesError.TASK_FAILED, describe(t));
    };
  }

  /**
   * The failure a workflow throws to end as Canceled once its execution was stopped, carrying the
   * result (with the stop's error and cause).
   */
  public static CanceledFailure executionCancelled(ExecutionResult result) {
    return new CanceledFailure(result.cause() == null ? "stopped" : result.cause(), result);
  }

  /** The failure a Map batch throws to end as Canceled. */
  public static CanceledFailure batchCancelled() {
    return new CanceledFailure("the Map state's batch was cancelled");
  }

  /** The failure a workflow throws to end as FAILED or TIMED_OUT, carrying the result. */
  public static ApplicationFailure executionFailure(ExecutionResult result) {
    String type = result.error() == null ? ExecutionResult.NO_ERROR_TYPE : result.error();
    return ApplicationFailure.newNonRetryableFailure(result.cause(), type, result);
  }

  /**
   * The result a failed execution workflow carried ({@link #executionFailure}), when the failure is
   * one.
   */
  public static Optional<ExecutionResult> executionResult(Throwable workflowFailure) {
    for (Throwable t = workflowFailure; t != null; t = t.getCause()) {
      io.temporal.common.converter.Values details =
          t instanceof ApplicationFailure app
              ? app.getDetails()
              : t instanceof CanceledFailure canceled ? canceled.getDetails() : null;
      if (details != null && details.getSize() > 0) {
        try {
          return Optional.ofNullable(details.get(0, ExecutionResult.class));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a workflow failure is a cancellation (the execution was stopped). */
  public static boolean isCanceledWorkflow(Throwable workflowFailure) {
    return isCancellation(workflowFailure);
  }

  /** Whether a workflow failure is a termination (an operator ended the workflow). */
  public static boolean isTerminated(Throwable workflowFailure) {
    for (Throwable t = workflowFailure; t != null; t = t.getCause()) {
      if (t instanceof TerminatedFailure) {
        return true;
      }
    }
    return false;
  }

  /** Whether a workflow failure is Temporal's own workflow timeout. */
  public static boolean isTimedOutWorkflow(Throwable workflowFailure) {
    for (Throwable t = workflowFailure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutFailure) {
        return true;
      }
    }
    return false;
  }

  /**
   * The failure an update validator throws to refuse a callback. The SDK (1.35) wraps what a
   * validator throws and reports it with another failure type, keeping only the message; so the
   * message starts with the error code ({@code TaskTimedOut: ...}), and {@link #callbackError}
   * reads either.
   */
  public static ApplicationFailure callbackRejection(CallbackError error, String message) {
    return ApplicationFailure.newNonRetryableFailure(error.code() + ": " + message, error.code());
  }

  /** The callback error a rejected update carried, if it is one. */
  public static Optional<CallbackError> callbackError(Throwable updateFailure) {
    for (Throwable t = updateFailure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        Optional<CallbackError> byType = CallbackError.ofCode(app.getType());
        if (byType.isPresent()) {
          return byType;
        }
        String message = app.getOriginalMessage();
        int colon = message == null ? -1 : message.indexOf(": ");
        if (colon > 0) {
          Optional<CallbackError> byMessage = CallbackError.ofCode(message.substring(0, colon));
          if (byMessage.isPresent()) {
            return byMessage;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The message of a failure without Temporal's decoration. */
  public static String message(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        return app.getOriginalMessage();
      }
    }
    return failure.getMessage();
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
