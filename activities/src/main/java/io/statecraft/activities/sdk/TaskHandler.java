package io.statecraft.activities.sdk;

import io.statecraft.activities.TaskContext;

/**
 * An ASL task as a function, for registration by name without annotations through {@link
 * TaskDispatcher.Builder#task(String, Class, TaskHandler)}.
 *
 * @param <I> the input type, read from the state's effective parameters with the dispatcher's
 *     {@code ObjectMapper}
 * @param <O> the output type, written as the task's JSON result
 */
@FunctionalInterface
public interface TaskHandler<I, O> {

  /**
   * Runs the task.
   *
   * @throws TaskError to fail with an ASL error name; any other exception fails with its class name
   *     as the error name (see {@link TaskErrors})
   */
  O handle(I input, TaskContext context) throws Exception;
}
