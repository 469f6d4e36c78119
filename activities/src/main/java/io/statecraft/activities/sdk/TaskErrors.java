package io.statecraft.activities.sdk;

/**
 * The error names a task fails with when it does not choose one itself.
 *
 * <ul>
 *   <li>{@link TaskError} (or a subclass): its own {@link TaskError#error() name} and {@link
 *       TaskError#cause() cause}.
 *   <li>A Temporal {@code ApplicationFailure} thrown by the task: passed through unchanged.
 *   <li>Any other exception: the error name is the exception's fully qualified class name, the way
 *       AWS Lambda's Java runtime reports it as {@code errorType} (for example {@code
 *       java.lang.IllegalStateException}), and the cause is Lambda's JSON error document: {@code
 *       {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}, with a nested {@code
 *       "cause"} document for the exception's cause. State machines written for Lambda-backed tasks
 *       therefore catch the same names. Stack traces are cut to {@value #MAX_STACK_FRAMES} frames.
 *   <li>The names below, for failures around the task rather than in it.
 * </ul>
 *
 * None of these failures is marked non-retryable: the state's {@code Retry} rules decide.
 */
public final class TaskErrors {

  /**
   * No task with the activity type is registered with the dispatcher that received it. The cause
   * names the type, the task queue and the registered tasks. The usual reason is a routing rule
   * that sends the task to the wrong queue, or a worker deployed without the task.
   */
  public static final String TASK_NOT_FOUND = "Statecraft.TaskNotFound";

  /**
   * The task's input cannot be read as the task method's parameter type. The cause names the task,
   * the type and the JSON path of the offending value. Lambda's Java runtime reports this case as
   * {@code java.lang.RuntimeException}; a dedicated name lets a {@code Catch} tell a bad input from
   * a failing task.
   */
  public static final String INVALID_TASK_INPUT = "Statecraft.InvalidTaskInput";

  /**
   * The task's return value cannot be written as JSON. The cause names the task and the problem.
   */
  public static final String INVALID_TASK_OUTPUT = "Statecraft.InvalidTaskOutput";

  /** Stack frames kept per exception in an error document. */
  public static final int MAX_STACK_FRAMES = 32;

  private TaskErrors() {}
}
