package io.statecraft.workflows;

import io.statecraft.activities.TaskContextInterceptor;
import io.statecraft.workflows.interpreter.ExecutionWorkflowImpl;
import io.statecraft.workflows.interpreter.MapBatchWorkflowImpl;
import io.statecraft.workflows.interpreter.WorkerServices;
import io.statecraft.workflows.ports.CallbackGauge;
import io.statecraft.workflows.ports.DefinitionCache;
import io.statecraft.workflows.ports.MapBatchWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Puts the Statecraft workflows on a worker.
 *
 * <pre>{@code
 * WorkerFactory factory = StatecraftWorkers.newFactory(client);
 * Worker worker = StatecraftWorkers.register(factory, WorkerSettings.defaults());
 * worker.registerActivitiesImplementations(
 *     TaskDispatcher.builder().register(new HttpInvokeActivity(httpSettings)).build(),
 *     nestedExecutions);
 * factory.start();
 * }</pre>
 *
 * The factory must carry {@link TaskContextInterceptor} (as {@link #newFactory} and {@link
 * #factoryOptions} arrange), so that every task gets its invocation id. The worker returned polls
 * {@link WorkerSettings#taskQueue()}; register on it the activities the platform runs there: one
 * {@code TaskDispatcher} with the built-in and demo tasks (a worker takes only one dynamic
 * activity) and the {@link NestedExecutions} implementation.
 */
public final class StatecraftWorkers {

  /** How long a workflow task may compute before the SDK reports a potential deadlock. */
  public static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(5);

  private StatecraftWorkers() {}

  /** Factory options with {@link TaskContextInterceptor}; add your own settings before building. */
  public static WorkerFactoryOptions.Builder factoryOptions() {
    return WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new TaskContextInterceptor());
  }

  /** A worker factory with {@link TaskContextInterceptor}. */
  public static WorkerFactory newFactory(WorkflowClient client) {
    return WorkerFactory.newInstance(client, factoryOptions().build());
  }

  /**
   * Creates the worker of {@link WorkerSettings#taskQueue()} on {@code factory} and registers the
   * execution workflow ({@value ExecutionWorkflow#WORKFLOW_TYPE}), the Map batch workflow ({@value
   * MapBatchWorkflow#WORKFLOW_TYPE}) and the local activity that loads a batch's definition.
   *
   * @return the worker, for the platform's activities
   */
  public static Worker register(WorkerFactory factory, WorkerSettings settings) {
    return register(factory, settings, WorkerOptions.getDefaultInstance());
  }

  /**
   * As {@link #register(WorkerFactory, WorkerSettings)}, with worker options of your own (slots,
   * pollers, rate limits). A deadlock detection timeout below {@link #DEADLOCK_DETECTION} is raised
   * to it: one workflow task may fan out a Map state of many thousand items, or splice thousands of
   * a batch's events, which takes more than the SDK's default second.
   */
  public static Worker register(
      WorkerFactory factory, WorkerSettings settings, WorkerOptions options) {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(options, "options");
    WorkerServices services =
        new WorkerServices(
            settings, new CallbackGauge(), new DefinitionCache(factory.getWorkflowClient()));
    WorkerOptions.Builder builder = WorkerOptions.newBuilder(options);
    if (options.getDefaultDeadlockDetectionTimeout() < DEADLOCK_DETECTION.toMillis()) {
      builder.setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis());
    }
    Worker worker = factory.newWorker(settings.taskQueue(), builder.build());
    worker.registerWorkflowImplementationFactory(
        ExecutionWorkflow.class, () -> new ExecutionWorkflowImpl(services));
    worker.registerWorkflowImplementationFactory(
        MapBatchWorkflow.class, () -> new MapBatchWorkflowImpl(services));
    worker.registerActivitiesImplementations(services.definitions());
    return worker;
  }
}
