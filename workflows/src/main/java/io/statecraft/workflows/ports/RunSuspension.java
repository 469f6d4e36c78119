package io.statecraft.workflows.ports;

import io.statecraft.asl.interpret.Suspension;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * When a run continues as new: at a top-level state boundary, once its Temporal history has {@link
 * io.statecraft.workflows.HistoryLimits#continueAfterHistoryEvents()} events (measured with {@code
 * getHistoryLength()}, since the test server never suggests continuing), once it holds {@link
 * io.statecraft.workflows.HistoryLimits#continueAfterExecutionEvents()} execution events, or when
 * the server suggests it.
 */
public final class RunSuspension implements Suspension {

  private final RunContext ctx;
  private final IntSupplier eventsHeld;

  public RunSuspension(RunContext ctx, IntSupplier eventsHeld) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.eventsHeld = Objects.requireNonNull(eventsHeld, "eventsHeld");
  }

  @Override
  public boolean suspendBefore(String nextState) {
    WorkflowInfo info = Workflow.getInfo();
    return info.getHistoryLength() >= ctx.limits().continueAfterHistoryEvents()
        || eventsHeld.getAsInt() >= ctx.limits().continueAfterExecutionEvents()
        || info.isContinueAsNewSuggested();
  }
}
