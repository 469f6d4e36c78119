package io.statecraft.workflows.ports;

import com.uber.m3.tally.Scope;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.workflows.ExecutionStatus;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowThreadLocal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's metrics, through {@code Workflow.getMetricsScope()}, which reports nothing while a
 * workflow replays. Names are Micrometer's dotted form; Prometheus renders them as {@code
 * statecraft_executions_started_total{state_machine}}, {@code
 * statecraft_executions_completed_total{state_machine,status}}, {@code
 * statecraft_execution_failures_total{state_machine,error}}, {@code
 * statecraft_state_duration_seconds{state_type}}, {@code
 * statecraft_task_duration_seconds{resource}}, {@code
 * statecraft_task_retries_total{state_machine,state}} and {@code
 * statecraft_callbacks_waiting{state_machine}} (next to the labels the SDK adds: namespace, task
 * queue, workflow type).
 */
public final class RunMetrics {

  public static final String EXECUTIONS_STARTED = "statecraft.executions.started";
  public static final String EXECUTIONS_COMPLETED = "statecraft.executions.completed";
  public static final String EXECUTION_FAILURES = "statecraft.execution.failures";
  public static final String STATE_DURATION = "statecraft.state.duration";
  public static final String TASK_DURATION = "statecraft.task.duration";
  public static final String TASK_RETRIES = "statecraft.task.retries";
  public static final String CALLBACKS_WAITING = "statecraft.callbacks.waiting";

  private final String stateMachine;
  private final CallbackGauge gauge;

  // Per workflow thread: a Parallel branch or Map iteration enters its states on its own thread.
  private final WorkflowThreadLocal<Map<String, Long>> entered =
      WorkflowThreadLocal.withCachedInitial(HashMap::new);

  public RunMetrics(String stateMachine, CallbackGauge gauge) {
    this.stateMachine = stateMachine;
    this.gauge = gauge;
  }

  private Scope scope() {
    return Workflow.getMetricsScope().tagged(Map.of("state_machine", stateMachine));
  }

  /** A new execution started (not a continued run). */
  public void executionStarted() {
    scope().counter(EXECUTIONS_STARTED).inc(1);
  }

  /** The execution ended. */
  public void executionCompleted(ExecutionStatus status, String error) {
    scope()
        .tagged(Map.of("status", status.name().toLowerCase(Locale.ROOT)))
        .counter(EXECUTIONS_COMPLETED)
        .inc(1);
    if (status == ExecutionStatus.FAILED || status == ExecutionStatus.TIMED_OUT) {
      scope()
          .tagged(Map.of("error", error == null ? "" : error))
          .counter(EXECUTION_FAILURES)
          .inc(1);
    }
  }

  /** Times states from their entry to their exit. */
  public void onEvent(HistoryEvent event) {
    String type = event.type().name();
    if (type.endsWith("StateEntered")) {
      entered.get().put(event.name(), Workflow.currentTimeMillis());
    } else if (type.endsWith("StateExited")) {
      Long start = entered.get().remove(event.name());
      if (start != null) {
        Workflow.getMetricsScope()
            .tagged(Map.of("state_type", type.substring(0, type.length() - "StateExited".length())))
            .timer(STATE_DURATION)
            .record(
                com.uber.m3.util.Duration.ofMillis(
                    Math.max(0, Workflow.currentTimeMillis() - start)));
      }
    }
  }

  /** A task's latency, from scheduling to its result. */
  public void taskCompleted(String resource, Duration latency) {
    Workflow.getMetricsScope()
        .tagged(Map.of("resource", resource))
        .timer(TASK_DURATION)
        .record(com.uber.m3.util.Duration.ofMillis(latency.toMillis()));
  }

  /** Retries of a state, by the interpreter or by a native retry policy. */
  public void retried(String state, int count) {
    if (count > 0) {
      scope().tagged(Map.of("state", state)).counter(TASK_RETRIES).inc(count);
    }
  }

  /** A task starts waiting for its callback. */
  public void callbackWaitStarted() {
    scope().gauge(CALLBACKS_WAITING).update(gauge.increment(stateMachine));
  }

  /** A task stops waiting for its callback. */
  public void callbackWaitEnded() {
    scope().gauge(CALLBACKS_WAITING).update(gauge.decrement(stateMachine));
  }
}
