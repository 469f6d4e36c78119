package io.statecraft.workflows.ports;

import io.statecraft.asl.interpret.ExecutionAborted;
import io.statecraft.workflows.HistoryLimits;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.statecraft.workflows.StopReason;
import io.statecraft.workflows.WorkerSettings;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the ports of one workflow run share: who the run is, its settings and limits, whether the
 * execution is being stopped, the task-token callbacks, the metrics, and the states that are
 * blocked right now (the run's "current states").
 */
public final class RunContext {

  private final String workflowId;
  private final String runId;
  private final int run;
  private final String stateMachineName;
  private final String executionArn;
  private final WorkerSettings settings;
  private final HistoryLimits limits;
  private final CancellationScope root;
  private final Instant deadline;
  private final boolean executionWorkflow;
  private final Callbacks callbacks;
  private final RunMetrics metrics;
  private final WorkflowTime time;
  private final Map<Long, String> blocked = new LinkedHashMap<>();
  private long blockedSequence;
  private String upsertedState;
  private int fanOuts;

  /**
   * @param run the run's number within its workflow id, from 1
   * @param deadline when the execution times out, or {@code null}
   * @param executionWorkflow whether this is an execution's own workflow (which keeps the current
   *     state search attribute), rather than a Map batch
   */
  public RunContext(
      String stateMachineName,
      String executionArn,
      int run,
      WorkerSettings settings,
      HistoryLimits limits,
      Instant deadline,
      boolean executionWorkflow,
      RunMetrics metrics) {
    this.workflowId = Workflow.getInfo().getWorkflowId();
    this.runId = Workflow.getInfo().getRunId();
    this.run = run;
    this.stateMachineName = Objects.requireNonNull(stateMachineName, "stateMachineName");
    this.executionArn = Objects.requireNonNull(executionArn, "executionArn");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.root = CancellationScope.current();
    this.deadline = deadline;
    this.executionWorkflow = executionWorkflow;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.callbacks = new Callbacks(workflowId, runId);
    this.time = new WorkflowTime();
  }

  public String workflowId() {
    return workflowId;
  }

  public String runId() {
    return runId;
  }

  public int run() {
    return run;
  }

  public String stateMachineName() {
    return stateMachineName;
  }

  public String executionArn() {
    return executionArn;
  }

  public WorkerSettings settings() {
    return settings;
  }

  public HistoryLimits limits() {
    return limits;
  }

  public Callbacks callbacks() {
    return callbacks;
  }

  public RunMetrics metrics() {
    return metrics;
  }

  public WorkflowTime time() {
    return time;
  }

  /** When the execution times out, or {@code null}. */
  public Instant deadline() {
    return deadline;
  }

  /** Whether the execution is being stopped: its workflow was cancelled. */
  public boolean stopping() {
    return root.isCancelRequested();
  }

  /** What a port throws once the execution is being stopped, with the stop's error and cause. */
  public ExecutionAborted aborted() {
    StopReason reason = StopReason.decode(root.getCancellationReason());
    return new ExecutionAborted(reason.error(), reason.cause());
  }

  /**
   * The exception to throw for a cancellation seen in a blocking call: the execution's stop, or the
   * cancellation of a branch (which ends only that branch).
   */
  public RuntimeException cancelled(RuntimeException cancellation) {
    return stopping() ? aborted() : cancellation;
  }

  /** Numbers the fan-outs that start child workflows in this run, for their workflow ids. */
  public int nextFanOut() {
    return ++fanOuts;
  }

  /**
   * Marks a state as blocked (waiting for a task, a timer or its branches) until {@link
   * #unblocked}; the label is its scope path and name, such as {@code Items[3]/Charge}. A top-level
   * state also becomes the current state search attribute.
   */
  public long blocked(String scopePath, String stateName) {
    String label = scopePath.isEmpty() ? stateName : scopePath + "/" + stateName;
    long id = ++blockedSequence;
    blocked.put(id, label);
    if (executionWorkflow && scopePath.isEmpty() && !stateName.equals(upsertedState)) {
      // Only states that block get here: Pass and Choice loops never add an upsert event.
      upsertedState = stateName;
      Workflow.upsertTypedSearchAttributes(
          StatecraftSearchAttributes.CURRENT_STATE.valueSet(stateName));
    }
    Workflow.setCurrentDetails(details());
    return id;
  }

  /** Ends what {@link #blocked} started. */
  public void unblocked(long id) {
    blocked.remove(id);
    Workflow.setCurrentDetails(details());
  }

  /** The blocked states, in the order they blocked. */
  public List<String> currentStates() {
    return new ArrayList<>(blocked.values());
  }

  private String details() {
    if (blocked.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("**Current states**\n");
    for (String label : blocked.values()) {
      out.append("- ").append(label).append('\n');
    }
    return out.toString();
  }
}
