package io.statecraft.workflows.ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.statecraft.activities.ActivityId;
import io.statecraft.activities.TaskHeaders;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.ErrorMatcher;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.interpret.NativeRetryPolicy;
import io.statecraft.asl.interpret.TaskInvocation;
import io.statecraft.asl.interpret.TaskResult;
import io.statecraft.asl.interpret.TaskTokenRequest;
import io.statecraft.asl.interpret.Tasks;
import io.statecraft.workflows.ResourceCatalog;
import io.statecraft.workflows.failure.FailureMapper;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The Tasks port on Temporal: every Task state becomes an activity (or a child execution), as
 * {@link ResourceCatalog} describes.
 *
 * <ul>
 *   <li>The activity type comes from the resource; the task queue from {@link
 *       io.statecraft.workflows.TaskQueueRouting}, recorded per activity type with {@code
 *       Workflow.mutableSideEffect} so that replay sends every task where it first went.
 *   <li>TimeoutSeconds is the activity's StartToClose timeout and, for a single attempt, also its
 *       ScheduleToClose timeout, so a task no worker picks up times out as on AWS; HeartbeatSeconds
 *       is its heartbeat timeout. Both stop at the execution's own deadline.
 *   <li>A {@link NativeRetryPolicy} becomes the activity's RetryOptions (ScheduleToClose then
 *       covers every attempt and pause, plus a minute); otherwise the activity has exactly one
 *       attempt and the interpreter retries with durable timers.
 *   <li>The activity's summary is the state's name, and it carries the invocation id in the {@code
 *       statecraft-task-id} header ({@link TaskHeaders}).
 * </ul>
 */
public final class TemporalTasks implements Tasks {

  /** Slack on a native policy's ScheduleToClose for scheduling delays between attempts. */
  private static final Duration NATIVE_SLACK = Duration.ofMinutes(1);

  private final RunContext ctx;

  public TemporalTasks(RunContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public String issueTaskToken(TaskTokenRequest request) {
    return ctx.callbacks().issue(request.invocationId());
  }

  @Override
  public TaskResult invoke(TaskInvocation invocation) {
    ResourceCatalog.Binding binding =
        ctx.settings()
            .resources()
            .bind(invocation.resource())
            .orElseThrow(
                () ->
                    new AslFailure(
                        StatesError.RUNTIME,
                        "The resource '"
                            + invocation.resource()
                            + "' is not supported by this platform."));
    ActivityId id = ActivityId.parse(invocation.invocationId());
    String scope =
        id.scopePath().isEmpty() ? "" : id.scopePath().substring(0, id.scopePath().length() - 1);
    long blocked = ctx.blocked(scope, invocation.stateName());
    Instant started = now();
    try {
      return switch (binding.kind()) {
        case START_EXECUTION ->
            new NestedExecutionTask(ctx, this, invocation, binding.pattern()).run();
        case LAMBDA_INVOKE -> lambda(invocation, binding, id);
        case ACTIVITY, LAMBDA_FUNCTION, HTTP_INVOKE, INTEGRATION ->
            binding.pattern() == ResourceCatalog.IntegrationPattern.WAIT_FOR_TASK_TOKEN
                ? awaitCallback(
                    invocation,
                    () ->
                        startActivity(
                            invocation,
                            id,
                            binding.activityType(),
                            invocation.parameters(),
                            null,
                            true))
                : TaskResult.of(
                    await(
                        startActivity(
                            invocation,
                            id,
                            binding.activityType(),
                            invocation.parameters(),
                            invocation.nativeRetry(),
                            false)));
      };
    } catch (AslFailure f) {
      NativeRetryPolicy policy = invocation.nativeRetry();
      if (policy != null && ErrorMatcher.matches(StatesError.ALL.errorName(), f.error())) {
        ctx.metrics().retried(invocation.stateName(), policy.maximumAttempts() - 1);
      }
      throw f;
    } finally {
      ctx.unblocked(blocked);
      ctx.metrics().taskCompleted(invocation.resource(), Duration.between(started, now()));
    }
  }

  private TaskResult lambda(
      TaskInvocation invocation, ResourceCatalog.Binding binding, ActivityId id) {
    JsonNode parameters = invocation.parameters();
    String function = LambdaInvoke.functionName(parameters);
    JsonNode payload = LambdaInvoke.payload(parameters);
    if (binding.pattern() == ResourceCatalog.IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      return awaitCallback(
          invocation, () -> startActivity(invocation, id, function, payload, null, true));
    }
    String requestId = ctx.time().randomUuid().toString();
    return switch (LambdaInvoke.invocationType(parameters)) {
      case DRY_RUN -> TaskResult.of(LambdaInvoke.envelope(null, 204, requestId));
      case EVENT -> {
        // Asynchronous invocation: the function runs, and the state goes on without its result.
        startActivity(invocation, id, function, payload, null, false);
        yield TaskResult.of(LambdaInvoke.envelope(null, 202, requestId));
      }
      case REQUEST_RESPONSE ->
          TaskResult.of(
              LambdaInvoke.envelope(
                  await(
                      startActivity(
                          invocation, id, function, payload, invocation.nativeRetry(), false)),
                  200,
                  requestId));
    };
  }

  /**
   * Schedules the activity.
   *
   * @param dispatchOnly whether the activity only hands out a task token (its TimeoutSeconds then
   *     covers the callback, and HeartbeatSeconds applies to SendTaskHeartbeat, not to it)
   */
  Promise<JsonNode> startActivity(
      TaskInvocation invocation,
      ActivityId id,
      String activityType,
      JsonNode input,
      NativeRetryPolicy policy,
      boolean dispatchOnly) {
    Duration timeout = timeout(invocation);
    ActivityOptions.Builder options =
        ActivityOptions.newBuilder()
            .setTaskQueue(queue(activityType))
            .setSummary(invocation.stateName())
            .setStartToCloseTimeout(capped(timeout))
            .setCancellationType(ActivityCancellationType.TRY_CANCEL);
    if (policy == null) {
      options
          .setScheduleToCloseTimeout(capped(timeout))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build());
    } else {
      Duration total = NATIVE_SLACK;
      for (int attempt = 1; attempt <= policy.maximumAttempts(); attempt++) {
        total = total.plus(timeout).plus(policy.delayBeforeAttempt(attempt));
      }
      options
          .setScheduleToCloseTimeout(capped(total))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(atLeastOneMilli(policy.initialInterval()))
                  .setBackoffCoefficient(policy.backoffCoefficient())
                  .setMaximumAttempts(policy.maximumAttempts())
                  .setMaximumInterval(atLeastOneMilli(policy.maximumInterval()))
                  .setDoNotRetry(policy.nonRetryableErrorTypes().toArray(String[]::new))
                  .build());
    }
    if (invocation.heartbeatSeconds() != null && !dispatchOnly) {
      options.setHeartbeatTimeout(Duration.ofSeconds(invocation.heartbeatSeconds()));
    }
    ActivityStub stub = Workflow.newUntypedActivityStub(options.build());
    return TaskHeaders.withActivityId(
        id, () -> stub.executeAsync(activityType, JsonNode.class, input));
  }

  /** The activity's result; its failure as an ASL error; a cancellation as a stop or a cancel. */
  JsonNode await(Promise<JsonNode> promise) {
    try {
      JsonNode result = promise.get();
      return result == null ? NullNode.getInstance() : result;
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Waits for a promise, translating its failure as {@link #await} does. */
  void awaitDone(Promise<?> promise) {
    try {
      promise.get();
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** The exception that stands for a failure of a blocking call. */
  RuntimeException translate(RuntimeException e) {
    if (FailureMapper.isCancellation(e)) {
      return ctx.cancelled(e);
    }
    if (FailureMapper.isTemporalFailure(e)) {
      return new AslFailure(FailureMapper.toAslError(e));
    }
    return e;
  }

  /**
   * A {@code .waitForTaskToken} task: dispatches it, then waits for SendTaskSuccess or
   * SendTaskFailure with the token the core issued for this attempt.
   *
   * <p>TimeoutSeconds covers the whole wait. HeartbeatSeconds counts from the moment the dispatch
   * returned (as AWS counts it from the end of the Lambda call), restarted by every
   * SendTaskHeartbeat. A dispatch that fails fails the task with its error; a callback may arrive
   * before the dispatch returns, and then the dispatch is cancelled.
   */
  TaskResult awaitCallback(TaskInvocation invocation, Functions.Func<Promise<?>> dispatch) {
    Callbacks.Callback callback = ctx.callbacks().forInvocation(invocation.invocationId());
    if (callback == null) {
      throw new IllegalStateException("no task token was issued for " + invocation.invocationId());
    }
    Instant timeoutAt = now().plus(timeout(invocation));
    if (ctx.deadline() != null && ctx.deadline().isBefore(timeoutAt)) {
      timeoutAt = ctx.deadline();
    }
    Integer heartbeatSeconds = invocation.heartbeatSeconds();
    @SuppressWarnings("unchecked")
    Promise<?>[] sent = new Promise<?>[1];
    CancellationScope dispatchScope =
        Workflow.newCancellationScope(() -> sent[0] = dispatch.apply());
    dispatchScope.run();
    ctx.metrics().callbackWaitStarted();
    try {
      boolean dispatched = false;
      Instant heartbeatAt = null;
      int seen = callback.heartbeats();
      while (!callback.resolved()) {
        if (!dispatched && sent[0].isCompleted()) {
          dispatched = true;
          RuntimeException failure = sent[0].getFailure();
          if (failure != null) {
            throw translate(failure);
          }
          if (heartbeatSeconds != null) {
            heartbeatAt = now().plusSeconds(heartbeatSeconds);
          }
        }
        if (callback.heartbeats() != seen) {
          seen = callback.heartbeats();
          if (dispatched && heartbeatSeconds != null) {
            heartbeatAt = now().plusSeconds(heartbeatSeconds);
          }
        }
        boolean heartbeatFirst = heartbeatAt != null && heartbeatAt.isBefore(timeoutAt);
        Instant wake = heartbeatFirst ? heartbeatAt : timeoutAt;
        Instant current = now();
        if (!current.isBefore(wake)) {
          throw heartbeatFirst
              ? new AslFailure(StatesError.HEARTBEAT_TIMEOUT, FailureMapper.HEARTBEAT_CAUSE)
              : new AslFailure(StatesError.TIMEOUT, FailureMapper.TIMEOUT_CAUSE);
        }
        int seenNow = seen;
        boolean dispatchedNow = dispatched;
        try {
          Workflow.await(
              Duration.between(current, wake),
              () ->
                  callback.resolved()
                      || callback.heartbeats() != seenNow
                      || (!dispatchedNow && sent[0].isCompleted()));
        } catch (RuntimeException e) {
          throw translate(e);
        }
      }
    } finally {
      ctx.callbacks().close(callback);
      ctx.metrics().callbackWaitEnded();
      if (!sent[0].isCompleted()) {
        dispatchScope.cancel();
      }
    }
    if (callback.failure() != null) {
      throw new AslFailure(callback.failure());
    }
    return TaskResult.of(callback.output());
  }

  /** The task queue of an activity type, as first routed in this run. */
  String queue(String activityType) {
    // The predicate says whether a fresh value is to be recorded: only when the route changed.
    // (Recording when it was equal wrote a marker per Task and kept a changed route from ever
    // being recorded.)
    return Workflow.mutableSideEffect(
        "route:" + activityType,
        String.class,
        (recorded, fresh) -> !Objects.equals(recorded, fresh),
        () -> ctx.settings().routing().route(activityType));
  }

  /** TimeoutSeconds, or AWS's default. */
  static Duration timeout(TaskInvocation invocation) {
    return Duration.ofSeconds(
        invocation.timeoutSeconds() == null
            ? TaskInvocation.DEFAULT_TIMEOUT_SECONDS
            : invocation.timeoutSeconds());
  }

  /** A timeout, no longer than what is left until the execution's deadline. */
  Duration capped(Duration timeout) {
    if (ctx.deadline() == null) {
      return timeout;
    }
    Duration left = Duration.between(now(), ctx.deadline());
    return atLeastOneMilli(left.compareTo(timeout) < 0 ? left : timeout);
  }

  Instant now() {
    return ctx.time().now();
  }

  private static Duration atLeastOneMilli(Duration d) {
    return d.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : d;
  }
}
