package io.statecraft.workflows;

import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;

/**
 * How much a Statecraft worker runs at once, and on which threads. {@link #DEFAULTS} are the
 * platform's settings; the README's benchmark section records what each one moved.
 *
 * @param workflowCacheSize executions kept in memory between their workflow tasks (sticky
 *     execution): an execution that is cached takes its next task without replaying its history
 * @param maxWorkflowThreads the most threads that run cached executions' workflow code; each cached
 *     execution holds at least one (a Parallel state or an inline Map one per branch or item)
 * @param virtualWorkflowThreads whether workflow code runs on virtual threads (Java 21+): a parked
 *     execution then costs a small heap-allocated stack instead of a platform thread's stack
 * @param virtualTaskThreads whether the worker's pollers and task executors, and so the activities,
 *     run on virtual threads
 * @param workflowPollers concurrent long polls for workflow tasks
 * @param activityPollers concurrent long polls for activity tasks
 * @param maxConcurrentWorkflowTasks workflow tasks processed at once
 * @param maxConcurrentActivities activities run at once
 */
public record WorkerTuning(
    int workflowCacheSize,
    int maxWorkflowThreads,
    boolean virtualWorkflowThreads,
    boolean virtualTaskThreads,
    int workflowPollers,
    int activityPollers,
    int maxConcurrentWorkflowTasks,
    int maxConcurrentActivities) {

  /** Temporal Java SDK 1.35's own defaults, for comparison. */
  public static final WorkerTuning SDK_DEFAULTS =
      new WorkerTuning(600, 600, false, false, 5, 5, 200, 200);

  /**
   * The platform's defaults (the api's {@code statecraft.worker.tuning.*} defaults are the same).
   *
   * <ul>
   *   <li>Workflow code runs on virtual threads, so the cache and the workflow thread limit no
   *       longer trade memory for platform threads: each cached execution holds a thread while it
   *       waits, and a virtual one is a small heap-allocated stack.
   *   <li>The cache holds 10,000 executions (the SDK keeps 600): an execution parked in a Wait or a
   *       callback stays cached and resumes without replaying its history. With 1,000 parked
   *       executions resuming together, the cache moved {@code idle_executions.resume_seconds} from
   *       11.1 s to 6.8 s for about the same heap per execution (7.2 KB and 8.0 KB).
   *   <li>The thread limit is twice the cache, room for Parallel branches and inline Map items of
   *       the cached executions (it bounds only platform workflow threads).
   *   <li>Pollers, executors and slots keep the SDK's values, on virtual threads: on the two shared
   *       cores of the benchmarks, 10 or 20 pollers instead of 5 and virtual instead of platform
   *       poller threads moved no figure beyond the noise of the machine.
   * </ul>
   */
  public static final WorkerTuning DEFAULTS =
      new WorkerTuning(10_000, 20_000, true, true, 5, 5, 200, 200);

  public WorkerTuning {
    positive(workflowCacheSize, "workflowCacheSize");
    positive(maxWorkflowThreads, "maxWorkflowThreads");
    positive(workflowPollers, "workflowPollers");
    positive(activityPollers, "activityPollers");
    positive(maxConcurrentWorkflowTasks, "maxConcurrentWorkflowTasks");
    positive(maxConcurrentActivities, "maxConcurrentActivities");
  }

  /** Sets the factory-wide settings: the cache, the workflow thread limit and their kind. */
  public WorkerFactoryOptions.Builder applyTo(WorkerFactoryOptions.Builder builder) {
    return builder
        .setWorkflowCacheSize(workflowCacheSize)
        .setMaxWorkflowThreadCount(maxWorkflowThreads)
        .setUsingVirtualWorkflowThreads(virtualWorkflowThreads);
  }

  /** Sets the per-worker settings: pollers, slots and the kind of the worker's own threads. */
  public WorkerOptions.Builder applyTo(WorkerOptions.Builder builder) {
    return builder
        .setMaxConcurrentWorkflowTaskPollers(workflowPollers)
        .setMaxConcurrentActivityTaskPollers(activityPollers)
        .setMaxConcurrentWorkflowTaskExecutionSize(maxConcurrentWorkflowTasks)
        .setMaxConcurrentActivityExecutionSize(maxConcurrentActivities)
        .setUsingVirtualThreads(virtualTaskThreads);
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
    }
  }
}
