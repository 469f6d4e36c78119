package io.statecraft.api.worker;

import io.grpc.StatusRuntimeException;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and drains the Temporal workers.
 *
 * <p>Start: the workers start once every one of them is registered. Temporal must answer for that;
 * while it does not (it is starting, or unreachable), the process stays up, reports Temporal DOWN
 * in its readiness, and tries again every {@link #RETRY} instead of failing its start.
 *
 * <p>Stop (SIGTERM): polling stops at once, and tasks already running get {@code
 * statecraft.worker.shutdown-timeout} to finish before the process goes on shutting down. Tasks cut
 * short are retried by Temporal on another worker.
 */
final class WorkerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);

  static final Duration RETRY = Duration.ofSeconds(5);

  private final WorkerFactory factory;
  private final Duration timeout;
  private ScheduledExecutorService retries;
  private volatile boolean running;

  WorkerLifecycle(WorkerFactory factory, Duration timeout) {
    this.factory = factory;
    this.timeout = timeout;
  }

  @Override
  public synchronized void start() {
    running = true;
    if (tryStart()) {
      return;
    }
    retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("statecraft-worker-start").daemon().unstarted(r));
    retries.scheduleWithFixedDelay(
        () -> {
          if (tryStart()) {
            retries.shutdown();
          }
        },
        RETRY.toMillis(),
        RETRY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private boolean tryStart() {
    try {
      factory.start();
      return true;
    } catch (StatusRuntimeException e) {
      log.warn(
          "Temporal workers cannot start yet: Temporal answers {}; trying again every {}",
          e.getStatus().getCode(),
          RETRY);
      return false;
    } catch (IllegalStateException e) {
      // Shut down meanwhile.
      return true;
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (retries != null) {
      retries.shutdownNow();
      retries = null;
    }
    if (!factory.isStarted() || factory.isShutdown()) {
      return;
    }
    log.info("Draining Temporal workers (up to {})", timeout);
    factory.shutdown();
    factory.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.warn("Workers still busy after {}; their tasks are retried elsewhere", timeout);
      factory.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Stops after the web server has finished its requests (graceful shutdown runs in a higher
    // phase), so a request that completes a task token still reaches a live worker.
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }
}
