package io.statecraft.workflows;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * How {@code SendTaskSuccess}, {@code SendTaskFailure} and {@code SendTaskHeartbeat} reach a task
 * waiting for its token ({@code .waitForTaskToken}): Workflow Updates, sent to the workflow that
 * {@link TaskToken#workflowId()} names. Every Statecraft workflow that can run a Task state has
 * them (the execution workflow and the child workflows of large Map states).
 *
 * <p>Each update has a validator, so the caller learns synchronously whether the token was
 * accepted: a rejected update fails with an {@code ApplicationFailure} whose type is a {@link
 * CallbackError} code ({@code TaskDoesNotExist}, {@code TaskTimedOut}, {@code InvalidOutput}).
 * {@link StatecraftClient} maps those, and a workflow that is closed or does not exist, to {@link
 * StatecraftClientException}.
 *
 * <p>A token is accepted while its task waits: from the moment the task was scheduled (the task may
 * hand the token on before it returns) until the state has its result, timed out (TimeoutSeconds or
 * HeartbeatSeconds) or was stopped. After that the same token gets {@code TaskTimedOut}, as on AWS.
 */
public interface TaskCallbacks {

  /** The update name of {@code SendTaskSuccess}. */
  String SEND_TASK_SUCCESS = "SendTaskSuccess";

  /** The update name of {@code SendTaskFailure}. */
  String SEND_TASK_FAILURE = "SendTaskFailure";

  /** The update name of {@code SendTaskHeartbeat}. */
  String SEND_TASK_HEARTBEAT = "SendTaskHeartbeat";

  /** Completes the waiting task with {@link TaskSuccess#output()} as its result. */
  @UpdateMethod(name = SEND_TASK_SUCCESS)
  void sendTaskSuccess(TaskSuccess request);

  /** Rejects an unknown or closed token, and output that is not JSON. */
  @UpdateValidatorMethod(updateName = SEND_TASK_SUCCESS)
  void validateTaskSuccess(TaskSuccess request);

  /** Fails the waiting task with the given error and cause, which Retry and Catch then see. */
  @UpdateMethod(name = SEND_TASK_FAILURE)
  void sendTaskFailure(TaskFailure request);

  /** Rejects an unknown or closed token. */
  @UpdateValidatorMethod(updateName = SEND_TASK_FAILURE)
  void validateTaskFailure(TaskFailure request);

  /** Restarts the waiting task's HeartbeatSeconds countdown. */
  @UpdateMethod(name = SEND_TASK_HEARTBEAT)
  void sendTaskHeartbeat(TaskHeartbeat request);

  /** Rejects an unknown or closed token. */
  @UpdateValidatorMethod(updateName = SEND_TASK_HEARTBEAT)
  void validateTaskHeartbeat(TaskHeartbeat request);
}
