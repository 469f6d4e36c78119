package io.statecraft.api.worker;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drains the Temporal workers when the process stops (SIGTERM): polling stops at once, and tasks
 * already running get {@code statecraft.worker.shutdown-timeout} to finish before the process goes
 * on shutting down. Tasks cut short are retried by Temporal on another worker.
 */
final class WorkerDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerDrain.class);

  private final WorkerFactory factory;
  private final Duration timeout;
  private volatile boolean running;

  WorkerDrain(WorkerFactory factory, Duration timeout) {
    this.factory = factory;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
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
