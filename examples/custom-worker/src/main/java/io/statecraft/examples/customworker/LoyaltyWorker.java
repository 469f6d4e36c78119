package io.statecraft.examples.customworker;

import io.statecraft.activities.sdk.TaskWorker;
import java.util.Map;

/**
 * Runs the loyalty team's tasks on the task queue {@code loyalty-tasks} (or {@code
 * STATECRAFT_TASK_QUEUE}) against the Temporal server in {@code TEMPORAL_ADDRESS} ({@code
 * 127.0.0.1:7233} by default), until the process is asked to stop; then running tasks finish before
 * it exits.
 */
public final class LoyaltyWorker {

  private LoyaltyWorker() {}

  public static void main(String[] args) throws InterruptedException {
    LoyaltyTasks tasks = new LoyaltyTasks(Map.of("c-42", 1_250L, "c-7", 12_000L));
    try (TaskWorker worker =
        TaskWorker.builder()
            .taskQueue("loyalty-tasks")
            .environment(System.getenv())
            .register(tasks)
            .build()) {
      worker.start();
      worker.awaitShutdownSignal();
    }
  }
}
