package io.statecraft.api.worker;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code statecraft.worker.*}: where executions run and how the interpreter's
 * Temporal workers are tuned.
 *
 * @param taskQueue the platform's task queue: the interpreter workflow and the built-in and demo
 *     tasks run there
 * @param registryTaskQueue the queue the api role polls for the activity that resolves and records
 *     a {@code states:startExecution} Task's child execution (it needs the registry's database,
 *     which only the api role has)
 * @param routes which task queue an activity type is sent to: a team's tasks on its own queue
 * @param integrations extra Task resources, each run as an activity type
 * @param tuning worker capacity
 * @param history when executions continue as new and how Map states fan out
 * @param shutdownTimeout how long a stopping process lets running tasks finish
 */
@ConfigurationProperties("statecraft.worker")
public record WorkerProperties(
    @DefaultValue("statecraft") String taskQueue,
    @DefaultValue("statecraft-registry") String registryTaskQueue,
    @DefaultValue List<Route> routes,
    @DefaultValue List<Integration> integrations,
    @DefaultValue Tuning tuning,
    @DefaultValue History history,
    @DefaultValue("30s") Duration shutdownTimeout) {

  /**
   * One routing rule.
   *
   * @param activity an activity type ({@code AwardLoyaltyPoints}) or a prefix with a trailing
   *     {@code *} ({@code Loyalty*})
   * @param taskQueue the queue its tasks are sent to
   */
  public record Route(String activity, String taskQueue) {}

  /**
   * A Task resource the platform does not know by itself, run as an activity type.
   *
   * @param resource the resource ARN, such as {@code arn:aws:states:::sqs:sendMessage}
   * @param activityType the activity type a worker registers for it
   */
  public record Integration(String resource, String activityType) {}

  /**
   * Worker capacity. The defaults are {@link io.statecraft.workflows.WorkerTuning#DEFAULTS} (see
   * there, and the README's benchmark section, for why).
   *
   * @param workflowCacheSize workflows kept in memory between their tasks (sticky execution)
   * @param maxWorkflowThreads threads that run cached workflows
   * @param virtualThreads whether workflow code and activities run on virtual threads
   * @param workflowPollers concurrent polls for workflow tasks, per worker
   * @param activityPollers concurrent polls for activity tasks, per worker
   * @param maxConcurrentWorkflowTasks workflow tasks run at once, per worker
   * @param maxConcurrentActivities activities run at once, per worker
   */
  public record Tuning(
      @DefaultValue("10000") int workflowCacheSize,
      @DefaultValue("20000") int maxWorkflowThreads,
      @DefaultValue("true") boolean virtualThreads,
      @DefaultValue("5") int workflowPollers,
      @DefaultValue("5") int activityPollers,
      @DefaultValue("200") int maxConcurrentWorkflowTasks,
      @DefaultValue("200") int maxConcurrentActivities) {

    /** These settings as the workflows module applies them. */
    public io.statecraft.workflows.WorkerTuning toWorkerTuning() {
      return new io.statecraft.workflows.WorkerTuning(
          workflowCacheSize,
          maxWorkflowThreads,
          virtualThreads,
          virtualThreads,
          workflowPollers,
          activityPollers,
          maxConcurrentWorkflowTasks,
          maxConcurrentActivities);
    }
  }

  /** See {@link io.statecraft.workflows.HistoryLimits}; the defaults are its defaults. */
  public record History(
      @DefaultValue("5000") int continueAfterHistoryEvents,
      @DefaultValue("5000") int continueAfterExecutionEvents,
      @DefaultValue("40") int inlineItemsInWorkflow,
      @DefaultValue("100") int itemsPerBatch,
      @DefaultValue("500") int maxBatchesPerMap,
      @DefaultValue("20") int maxRunningBatches,
      @DefaultValue("25000") int maxBranchEventsInHistory) {}
}
