package io.statecraft.asl.interpret.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.interpret.ExecutionAborted;
import io.statecraft.asl.interpret.NativeRetryPolicy;
import io.statecraft.asl.interpret.TaskInvocation;
import io.statecraft.asl.interpret.TaskResult;
import io.statecraft.asl.interpret.TaskTokenRequest;
import io.statecraft.asl.interpret.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Tasks} port in memory: Java lambdas keyed by resource.
 *
 * <p>It behaves like a Temporal activity as far as the engine can tell: TimeoutSeconds and
 * HeartbeatSeconds are enforced on the {@link VirtualClock} ({@code States.Timeout}, {@code
 * States.HeartbeatTimeout}), and a {@link NativeRetryPolicy} is applied the way Temporal applies an
 * activity retry policy: attempt after attempt, pausing by its backoff, stopping at the maximum
 * attempts or at a non-retryable error type. Like an activity whose schedule-to-close timeout is
 * capped at the execution's deadline, no attempt goes on or starts past {@link
 * TaskInvocation#executionDeadline()}.
 */
public final class TaskRegistry implements Tasks {

  /** The code of one task. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Does the work. Throw {@link AslFailure} to fail with an ASL error name; any other exception
     * fails with its class's simple name as the error and its message as the cause.
     */
    JsonNode handle(TaskCall call);
  }

  /** One attempt of a task, as its handler sees it. */
  public final class TaskCall {
    private final TaskInvocation invocation;
    private final int attempt;
    private final Instant timeoutAt;
    private final Instant deadline;
    private Instant heartbeatAt;

    private TaskCall(TaskInvocation invocation, int attempt, Instant deadline) {
      this.invocation = invocation;
      this.attempt = attempt;
      this.deadline = deadline;
      Instant now = clock.now();
      int timeout =
          invocation.timeoutSeconds() == null
              ? TaskInvocation.DEFAULT_TIMEOUT_SECONDS
              : invocation.timeoutSeconds();
      this.timeoutAt = now.plusSeconds(timeout);
      this.heartbeatAt =
          invocation.heartbeatSeconds() == null
              ? null
              : now.plusSeconds(invocation.heartbeatSeconds());
    }

    /** The invocation: parameters, context, token, identity. */
    public TaskInvocation invocation() {
      return invocation;
    }

    /** The effective parameters. */
    public JsonNode input() {
      return invocation.parameters();
    }

    /**
     * Which attempt this is within the invocation, from 1 (more than 1 only under a native policy).
     */
    public int attempt() {
      return attempt;
    }

    public Instant now() {
      return clock.now();
    }

    /**
     * Lets time pass while the task works, failing it if it runs past a timeout or past the
     * execution's deadline.
     */
    public void sleep(Duration duration) {
      Instant target = clock.now().plus(duration);
      Instant limit =
          heartbeatAt == null || timeoutAt.isBefore(heartbeatAt) ? timeoutAt : heartbeatAt;
      if (deadline != null && deadline.isBefore(limit)) {
        limit = deadline;
      }
      if (target.isAfter(limit)) {
        clock.advance(Duration.between(clock.now(), limit));
        if (limit.equals(deadline)) {
          throw new AslFailure(
              StatesError.TIMEOUT, "The execution reached its TimeoutSeconds while the task ran.");
        }
        throw limit.equals(timeoutAt)
            ? new AslFailure(StatesError.TIMEOUT, "The task ran longer than its TimeoutSeconds.")
            : new AslFailure(
                StatesError.HEARTBEAT_TIMEOUT,
                "The task sent no heartbeat for longer than its HeartbeatSeconds.");
      }
      clock.advance(duration);
    }

    /** Reports that the task is alive, restarting the HeartbeatSeconds countdown. */
    public void heartbeat() {
      if (invocation.heartbeatSeconds() != null) {
        heartbeatAt = clock.now().plusSeconds(invocation.heartbeatSeconds());
      }
    }
  }

  private final VirtualClock clock;
  private final Map<String, Handler> handlers = new LinkedHashMap<>();
  private final List<TaskInvocation> invocations = new ArrayList<>();
  private final List<String> attempts = new ArrayList<>();

  public TaskRegistry(VirtualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Registers the handler of a resource, as written in the definition. */
  public synchronized TaskRegistry register(String resource, Handler handler) {
    handlers.put(Objects.requireNonNull(resource, "resource"), Objects.requireNonNull(handler));
    return this;
  }

  /** The invocations the engine made, in order. */
  public synchronized List<TaskInvocation> invocations() {
    return Collections.unmodifiableList(new ArrayList<>(invocations));
  }

  /**
   * Every attempt that ran a handler, in order, as {@code <invocationId>:<attempt>}; a native
   * policy's retries show as further attempts of the same invocation.
   */
  public synchronized List<String> attempts() {
    return Collections.unmodifiableList(new ArrayList<>(attempts));
  }

  @Override
  public String issueTaskToken(TaskTokenRequest request) {
    return "token:" + request.invocationId();
  }

  @Override
  public TaskResult invoke(TaskInvocation invocation) {
    Handler handler;
    synchronized (this) {
      invocations.add(invocation);
      handler = handlers.get(invocation.resource());
    }
    if (handler == null) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "No task handler is registered for the resource '" + invocation.resource() + "'.");
    }
    NativeRetryPolicy policy = invocation.nativeRetry();
    Instant deadline =
        invocation.executionDeadline() == null
            ? null
            : Timestamps.parse(invocation.executionDeadline())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "the execution deadline is not a timestamp: "
                                + invocation.executionDeadline()));
    int max = policy == null ? 1 : policy.maximumAttempts();
    for (int attempt = 1; ; attempt++) {
      try {
        return new TaskResult(attempt(handler, invocation, attempt, deadline), attempt);
      } catch (AslFailure f) {
        if (attempt >= max || policy.nonRetryableErrorTypes().contains(f.error())) {
          throw f;
        }
        Duration delay = policy.delayBeforeAttempt(attempt + 1);
        if (deadline != null && !clock.now().plus(delay).isBefore(deadline)) {
          // The retries end with the execution, which has timed out by the time the next attempt
          // is due.
          if (clock.now().isBefore(deadline)) {
            clock.advance(Duration.between(clock.now(), deadline));
          }
          throw f;
        }
        clock.advance(delay);
      }
    }
  }

  private JsonNode attempt(
      Handler handler, TaskInvocation invocation, int attempt, Instant deadline) {
    synchronized (this) {
      attempts.add(invocation.invocationId() + ":" + attempt);
    }
    TaskCall call = new TaskCall(invocation, attempt, deadline);
    JsonNode result;
    try {
      result = handler.handle(call);
    } catch (AslFailure | ExecutionAborted f) {
      throw f;
    } catch (RuntimeException e) {
      throw new AslFailure(new AslError(e.getClass().getSimpleName(), e.getMessage()));
    }
    if (result == null) {
      throw new AslFailure(
          StatesError.TASK_FAILED,
          "The handler of '" + invocation.resource() + "' returned no result.");
    }
    return result;
  }
}
