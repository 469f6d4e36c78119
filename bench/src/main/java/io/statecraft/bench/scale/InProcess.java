package io.statecraft.bench.scale;

import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.bench.temporal.BenchTasks;
import io.statecraft.bench.temporal.BenchTemporal;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.WorkerSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The scale scenarios' setup: a test server, the platform's worker in this JVM, and a client. */
final class InProcess implements AutoCloseable {

  final BenchTemporal temporal;
  final StatecraftClient client;
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  InProcess() throws IOException {
    this(BenchTasks.dispatcher());
  }

  InProcess(TaskDispatcher dispatcher) throws IOException {
    temporal = BenchTemporal.start(BenchTasks.tuning());
    try {
      temporal.statecraftWorker(WorkerSettings.defaults(), dispatcher);
      temporal.startWorkers();
    } catch (RuntimeException e) {
      temporal.close();
      throw e;
    }
    client = temporal.statecraftClient(WorkerSettings.DEFAULT_TASK_QUEUE);
  }

  /** Starts an execution of {@code definition}; its workflow id and first run id. */
  StatecraftClient.StartedExecution start(
      String stateMachine, String name, String definition, String input) {
    String executionName = run + "-" + name;
    return client.start(
        ExecutionRequest.start(
            "arn:aws:states:us-east-1:123456789012:stateMachine:" + stateMachine,
            stateMachine,
            "arn:aws:states:us-east-1:123456789012:execution:" + stateMachine + ":" + executionName,
            executionName,
            null,
            Instant.now(),
            input,
            definition));
  }

  /** Waits for the end; fails unless it succeeded. */
  StatecraftClient.ExecutionDescription awaitSuccess(String workflowId, Duration timeout) {
    StatecraftClient.ExecutionDescription d = client.awaitClose(workflowId, timeout);
    if (d.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(
          workflowId + " ended " + d.status() + ": " + d.error() + ": " + d.cause());
    }
    return d;
  }

  @Override
  public void close() {
    temporal.close();
  }
}
