package io.statecraft.workflows;

import java.util.Objects;

/**
 * How the platform's workers run executions: given to {@code StatecraftWorkers.register(factory,
 * settings)}, which puts the execution workflow and the Map batch workflow on {@link #taskQueue()}.
 *
 * @param taskQueue the task queue of the platform's workers: the workflows run there, and so do the
 *     built-in tasks unless {@link #routing()} sends them elsewhere
 * @param routing the task queue of each activity type
 * @param resources the Task resources executions may use; the api validates definitions against the
 *     same catalog, so a definition it accepts never meets an unknown resource at run time
 * @param limits the history thresholds
 */
public record WorkerSettings(
    String taskQueue, TaskQueueRouting routing, ResourceCatalog resources, HistoryLimits limits) {

  /** The platform's task queue unless configured otherwise. */
  public static final String DEFAULT_TASK_QUEUE = "statecraft";

  public WorkerSettings {
    Objects.requireNonNull(taskQueue, "taskQueue");
    if (taskQueue.isBlank()) {
      throw new IllegalArgumentException("the task queue must not be blank");
    }
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(limits, "limits");
  }

  /** Everything on {@value #DEFAULT_TASK_QUEUE}, the standard resources and the default limits. */
  public static WorkerSettings defaults() {
    return on(DEFAULT_TASK_QUEUE);
  }

  /** Everything on {@code taskQueue}, the standard resources and the default limits. */
  public static WorkerSettings on(String taskQueue) {
    return new WorkerSettings(
        taskQueue,
        TaskQueueRouting.to(taskQueue),
        ResourceCatalog.standard(),
        HistoryLimits.DEFAULTS);
  }

  public WorkerSettings withRouting(TaskQueueRouting newRouting) {
    return new WorkerSettings(taskQueue, newRouting, resources, limits);
  }

  public WorkerSettings withResources(ResourceCatalog newResources) {
    return new WorkerSettings(taskQueue, routing, newResources, limits);
  }

  public WorkerSettings withLimits(HistoryLimits newLimits) {
    return new WorkerSettings(taskQueue, routing, resources, newLimits);
  }
}
