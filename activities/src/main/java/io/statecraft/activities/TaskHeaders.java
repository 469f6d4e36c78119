package io.statecraft.activities;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.workflow.Functions;
import io.temporal.workflow.WorkflowThreadLocal;
import java.util.Objects;
import java.util.Optional;

/**
 * The activity header that carries a task's {@link ActivityId} from the workflow to the worker.
 *
 * <p>The Temporal Java SDK chooses activity ids itself (version 1.35 offers no way for workflow
 * code to set one), so the ASL task identity travels as the header {@link #TASK_ID} instead. The
 * workflow schedules each Task state's activity inside {@link #withActivityId(ActivityId,
 * Functions.Func)}; {@link TaskContextInterceptor}, registered on both the workflow worker and the
 * activity worker, writes and reads the header. Headers are part of the recorded activity
 * scheduling, so every attempt of the activity, on any worker, sees the same value.
 */
public final class TaskHeaders {

  /** The header name. Its value is the {@link ActivityId#format() formatted} id, as a string. */
  public static final String TASK_ID = "statecraft-task-id";

  // A workflow-thread local, not a static value: each workflow thread sees only what it set.
  private static final WorkflowThreadLocal<ActivityId> NEXT_TASK_ID =
      WorkflowThreadLocal.withCachedInitial(() -> null);

  private TaskHeaders() {}

  /**
   * Runs {@code schedule} (which must schedule exactly one activity, for example {@code
   * stub.executeAsync(...)}) so that the activity it schedules carries {@code id}. Call it from
   * workflow code only, with {@link TaskContextInterceptor} registered on the worker.
   */
  public static <R> R withActivityId(ActivityId id, Functions.Func<R> schedule) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(schedule, "schedule");
    ActivityId previous = NEXT_TASK_ID.get();
    NEXT_TASK_ID.set(id);
    try {
      return schedule.apply();
    } finally {
      NEXT_TASK_ID.set(previous);
    }
  }

  /** The id set by {@link #withActivityId} on the current workflow thread, if any. */
  static Optional<ActivityId> pendingActivityId() {
    return Optional.ofNullable(NEXT_TASK_ID.get());
  }

  /** The header value for an id. */
  public static Payload encode(ActivityId id) {
    return DefaultDataConverter.STANDARD_INSTANCE
        .toPayload(id.format())
        .orElseThrow(() -> new IllegalStateException("A string always converts to a payload"));
  }

  /** The formatted id in a header value, or empty when the payload does not hold a string. */
  public static Optional<String> decode(Payload payload) {
    if (payload == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class));
    } catch (DataConverterException e) {
      return Optional.empty();
    }
  }
}
