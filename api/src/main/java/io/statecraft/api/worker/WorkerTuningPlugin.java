package io.statecraft.api.worker;

import io.statecraft.workflows.WorkerTuning;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkerPlugin;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Applies {@code statecraft.worker.tuning.*} to the worker factory and to every worker created on
 * it, including those the workflows module's registration creates with default options.
 */
final class WorkerTuningPlugin implements WorkerPlugin {

  private final WorkerTuning tuning;

  WorkerTuningPlugin(WorkerProperties.Tuning tuning) {
    try {
      this.tuning = tuning.toWorkerTuning();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("statecraft.worker.tuning: " + e.getMessage(), e);
    }
  }

  @Override
  public String getName() {
    return "statecraft-worker-tuning";
  }

  @Override
  public void configureWorkerFactory(WorkerFactoryOptions.Builder builder) {
    tuning.applyTo(builder);
  }

  @Override
  public void configureWorker(String taskQueue, WorkerOptions.Builder builder) {
    tuning.applyTo(builder);
  }

  @Override
  public void initializeWorker(String taskQueue, Worker worker) {}

  @Override
  public void startWorker(String taskQueue, Worker worker, BiConsumer<String, Worker> next) {
    next.accept(taskQueue, worker);
  }

  @Override
  public void shutdownWorker(String taskQueue, Worker worker, BiConsumer<String, Worker> next) {
    next.accept(taskQueue, worker);
  }

  @Override
  public void startWorkerFactory(WorkerFactory factory, Consumer<WorkerFactory> next) {
    next.accept(factory);
  }

  @Override
  public void shutdownWorkerFactory(WorkerFactory factory, Consumer<WorkerFactory> next) {
    next.accept(factory);
  }

  @Override
  public void replayWorkflowExecution(
      Worker worker, WorkflowExecutionHistory history, ReplayCallback next) throws Exception {
    next.replay(worker, history);
  }
}
