package io.statecraft.asl.interpret;

/**
 * Port: runs the work of Task states.
 *
 * <p>Calls block until the task is done, which is how code inside a Temporal workflow waits for an
 * activity. The core calls {@link #issueTaskToken} (only for {@code .waitForTaskToken} resources)
 * and then {@link #invoke} once per attempt that it makes itself.
 */
public interface Tasks {

  /**
   * Hands out the task token of a {@code .waitForTaskToken} task. Called before the task's
   * parameters are evaluated, because they may read it as {@code $$.Task.Token}; called again for
   * every interpreted retry, since each attempt gets its own token. The same invocation id always
   * identifies the attempt the token belongs to.
   */
  String issueTaskToken(TaskTokenRequest request);

  /**
   * Runs one task and returns its raw result, before ResultSelector or Output.
   *
   * <p>When {@link TaskInvocation#nativeRetry()} is {@code null} the port makes exactly one
   * attempt. When it is set, the port retries by that policy itself (a Temporal activity retry
   * policy) and reports in {@link TaskResult#attempts()} how many attempts it made.
   *
   * @throws io.statecraft.asl.error.AslFailure with the task's ASL error name when the task fails:
   *     the name the task reported, {@code States.Timeout} when TimeoutSeconds passed, {@code
   *     States.HeartbeatTimeout} when a heartbeat was missed, {@code States.TaskFailed} when the
   *     task failed without a name
   */
  TaskResult invoke(TaskInvocation invocation);
}
