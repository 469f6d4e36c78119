package io.statecraft.api.executions;

import io.grpc.StatusRuntimeException;
import io.statecraft.api.executions.ExecutionRecords.ExecutionRow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The background work that keeps the promise that nothing accepted is lost: every interval it
 * starts the executions accepted but not yet handed to Temporal (after a crash between the two, or
 * while Temporal was unreachable), and reconciles the statuses of running executions.
 */
final class ExecutionMaintenance implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExecutionMaintenance.class);

  /** A pending row younger than this may still be being started by the request that took it. */
  static final Duration PENDING_GRACE = Duration.ofSeconds(2);

  private static final int BATCH = 200;

  private final ExecutionRecords records;
  private final ExecutionStarter starter;
  private final ExecutionReconciler reconciler;
  private final Clock clock;
  private final Duration interval;
  private ScheduledExecutorService scheduler;
  private boolean failing;

  ExecutionMaintenance(
      ExecutionRecords records,
      ExecutionStarter starter,
      ExecutionReconciler reconciler,
      Clock clock,
      Duration interval) {
    this.records = records;
    this.starter = starter;
    this.reconciler = reconciler;
    this.clock = clock;
    this.interval = interval;
  }

  /** One round: start what is pending, then reconcile statuses. */
  void runOnce() {
    List<ExecutionRow> pending;
    do {
      pending = records.pending(BATCH, clock.instant().minus(PENDING_GRACE));
      for (ExecutionRow row : pending) {
        if (starter.start(row).isEmpty()) {
          return; // Temporal is unreachable: try again next round.
        }
      }
    } while (pending.size() == BATCH);
    reconciler.sync();
  }

  private void safeRun() {
    try {
      runOnce();
      if (failing) {
        log.info("Temporal answers again; executions are reconciled");
        failing = false;
      }
    } catch (StatusRuntimeException e) {
      // Said once per outage, not every round.
      if (!failing) {
        log.warn(
            "Temporal is not reachable ({}); executions are reconciled once it is",
            e.getStatus().getCode());
        failing = true;
      }
    } catch (RuntimeException e) {
      log.error("Reconciling executions failed; trying again in {}", interval, e);
    }
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("statecraft-executions").daemon().unstarted(r));
    scheduler.scheduleWithFixedDelay(this::safeRun, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public int getPhase() {
    // After the Temporal workers (which start with the application) and before the web server
    // stops taking requests.
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
