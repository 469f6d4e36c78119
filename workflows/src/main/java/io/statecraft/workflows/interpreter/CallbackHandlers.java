package io.statecraft.workflows.interpreter;

import io.statecraft.workflows.CallbackError;
import io.statecraft.workflows.TaskFailure;
import io.statecraft.workflows.TaskHeartbeat;
import io.statecraft.workflows.TaskSuccess;
import io.statecraft.workflows.failure.FailureMapper;
import io.statecraft.workflows.ports.Callbacks;
import io.statecraft.workflows.ports.RunContext;

/**
 * The update handlers of {@link io.statecraft.workflows.TaskCallbacks}, shared by every workflow
 * that runs tasks waiting for a token: each one hands the callback to the run's {@link Callbacks}.
 *
 * <p>It does not implement the interface itself: the workflow classes do, through their workflow
 * interfaces, so that Temporal sees each update once. The methods are public because Temporal calls
 * them reflectively as the interface's implementations.
 */
public abstract class CallbackHandlers {

  /** The run that hands out task tokens, or null before the workflow has started one. */
  protected abstract RunContext run();

  /** What the refusal says when a callback comes before the run started any task. */
  protected abstract String notStartedMessage();

  private Callbacks callbacks() {
    RunContext run = run();
    if (run == null) {
      throw FailureMapper.callbackRejection(CallbackError.TASK_DOES_NOT_EXIST, notStartedMessage());
    }
    return run.callbacks();
  }

  public void validateTaskSuccess(TaskSuccess request) {
    callbacks().validate(request.taskToken(), request.output());
  }

  public void sendTaskSuccess(TaskSuccess request) {
    callbacks().succeed(request.taskToken(), request.output());
  }

  public void validateTaskFailure(TaskFailure request) {
    callbacks().validate(request.taskToken(), null);
  }

  public void sendTaskFailure(TaskFailure request) {
    callbacks().fail(request.taskToken(), request.error(), request.cause());
  }

  public void validateTaskHeartbeat(TaskHeartbeat request) {
    callbacks().validate(request.taskToken(), null);
  }

  public void sendTaskHeartbeat(TaskHeartbeat request) {
    callbacks().heartbeat(request.taskToken());
  }
}
