package io.statecraft.workflows.ports;

import io.statecraft.asl.interpret.TimerRequest;
import io.statecraft.asl.interpret.Timers;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.util.Objects;

/**
 * The Timers port on Temporal: a Wait state or a retry pause is one durable timer, whose summary in
 * the Web UI names the state ({@code Wait Approve}, {@code Retry Items[3]/Charge #2}).
 */
public final class TemporalTimers implements Timers {

  private final RunContext ctx;

  public TemporalTimers(RunContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public void sleep(TimerRequest request) {
    if (request.reason() == TimerRequest.Reason.RETRY) {
      ctx.metrics().retried(request.stateName(), 1);
    }
    long blocked = ctx.blocked(request.scopePath(), request.stateName());
    try {
      Workflow.newTimer(
              request.duration(), TimerOptions.newBuilder().setSummary(request.summary()).build())
          .get();
    } catch (RuntimeException e) {
      throw io.statecraft.workflows.failure.FailureMapper.isCancellation(e) ? ctx.cancelled(e) : e;
    } finally {
      ctx.unblocked(blocked);
    }
  }
}
