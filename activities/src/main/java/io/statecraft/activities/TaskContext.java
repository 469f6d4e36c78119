package io.statecraft.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.List;
import java.util.Optional;

/**
 * What a running ASL task knows about itself: where it runs (workflow, run, activity), which state
 * invocation it is (state name, scope path, visit, attempts) and the key that makes its side
 * effects idempotent.
 *
 * <p>Inside a task, {@link #current()} returns the context of the activity running on the calling
 * thread; a task method may also declare a {@code TaskContext} parameter and receive it.
 *
 * <h2>Where the state invocation comes from</h2>
 *
 * The workflow attaches the task's {@link ActivityId} to the activity it schedules, as the header
 * {@link TaskHeaders#TASK_ID}; {@link TaskContextInterceptor} reads it on the worker. When that
 * header is absent, the Temporal activity id is read as an {@link ActivityId} if it has that form.
 * When neither is available (an activity scheduled by a hand-written workflow, or a unit test with
 * {@code TestActivityEnvironment}), {@link #aslActivityId()} is empty, the state name is the
 * activity type, the scope path is empty and visit and interpreter attempt are 1.
 *
 * <h2>The idempotency key</h2>
 *
 * {@link #idempotencyKey()} is {@code <workflowId>/<activity id without the @attempt suffix>}, for
 * example {@code orders/exec-42/ProcessItems[3]/Charge#1}. It identifies the task invocation, one
 * visit of one state in one scope of one execution, and not the attempt:
 *
 * <ul>
 *   <li>When the task fails and a Retry runs it again, in the interpreter ({@code @2}, {@code @3}
 *       ...) or natively in Temporal (a higher {@link #temporalAttempt()}), the key stays the same.
 *   <li>When a worker crashes mid-task, Temporal runs the same scheduled activity again, with the
 *       same header, on another worker: again the same key.
 *   <li>A later visit of the same state (a loop) or another Map item is another invocation, so it
 *       gets another key.
 * </ul>
 *
 * A service that records the key in the same transaction in which it applies its effect, and
 * returns the recorded result when it sees the key again, therefore applies each invocation's
 * effect once, however many attempts it takes. Record the key only when the effect is applied: an
 * attempt that fails before applying it must leave no record, so that the retry can apply it.
 *
 * <p>Without an ASL id (see above) the key falls back to {@code <workflowId>/<Temporal activity
 * id>}, which still survives Temporal's own retries and worker crashes, but not interpreter
 * retries.
 */
public interface TaskContext {

  /**
   * The context of the activity running on this thread.
   *
   * @throws IllegalStateException when called outside an activity execution
   */
  static TaskContext current() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "TaskContext.current() is available only on the thread running an activity", e);
    }
    return of(context);
  }

  /**
   * The context of the given Temporal activity execution, using the {@link TaskHeaders#TASK_ID}
   * header when {@link TaskContextInterceptor} saw one for the activity running on this thread.
   */
  static TaskContext of(ActivityExecutionContext context) {
    return new TemporalTaskContext(context, TaskContextInterceptor.currentTaskId());
  }

  /** The Temporal namespace the workflow runs in. */
  String namespace();

  /** The workflow id: {@code <stateMachineName>/<executionName>} for a platform execution. */
  String workflowId();

  /** The workflow run id. */
  String runId();

  /** The Temporal activity id (which the SDK may have chosen; see {@link #aslActivityId()}). */
  String activityId();

  /** The activity type: the task's name. */
  String activityType();

  /** The task queue the activity was dispatched on. */
  String taskQueue();

  /** The ASL state invocation, when the workflow supplied one. */
  Optional<ActivityId> aslActivityId();

  /** The Task state's name, or the activity type when there is no ASL id. */
  String stateName();

  /** The enclosing Map and Parallel scopes, outermost first; empty at the top level. */
  List<ActivityId.ScopeSegment> scopePath();

  /** How many times the state has been entered within its scope, counting from 1. */
  int visit();

  /** The interpreter's attempt of this invocation, counting from 1. */
  int interpreterAttempt();

  /** Temporal's attempt of this activity execution, counting from 1. */
  int temporalAttempt();

  /** The stable idempotency key of this task invocation; see the class documentation. */
  String idempotencyKey();

  /**
   * Records a heartbeat with optional progress details. When the state has {@code
   * HeartbeatSeconds}, a task that runs long must heartbeat more often than that, or it fails with
   * {@code States.HeartbeatTimeout}.
   *
   * <p>Heartbeating is also how a task learns it was cancelled: this method then throws Temporal's
   * {@code ActivityCompletionException}, which the task should let propagate.
   */
  void heartbeat(Object details);

  /** The details of the last heartbeat of a previous attempt, to resume from where it stopped. */
  <T> Optional<T> lastHeartbeatDetails(Class<T> type);
}
