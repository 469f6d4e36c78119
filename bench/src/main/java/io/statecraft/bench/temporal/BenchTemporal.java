package io.statecraft.bench.temporal;

import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClients;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.statecraft.workflows.StatecraftWorkers;
import io.statecraft.workflows.WorkerSettings;
import io.statecraft.workflows.WorkerTuning;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server in real time on a loopback port, a client over gRPC, and one worker
 * factory in this process: what every in-process scenario runs against. Both sides of a comparison
 * share it, so they pay the same server and the same network stack.
 */
public final class BenchTemporal implements AutoCloseable {

  /** The namespace of the test server. */
  public static final String NAMESPACE = "default";

  private final Process server;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final WorkerFactory factory;
  private final WorkerTuning tuning;

  private BenchTemporal(
      Process server, WorkflowServiceStubs stubs, WorkflowClient client, WorkerTuning tuning) {
    this.server = server;
    this.stubs = stubs;
    this.client = client;
    this.tuning = tuning;
    this.factory =
        WorkerFactory.newInstance(
            client, tuning.applyTo(StatecraftWorkers.factoryOptions()).build());
  }

  /**
   * Starts the test server in a child JVM ({@link TemporalServerMain}) on a free loopback port and
   * connects to it, with the Statecraft search attributes registered.
   */
  public static BenchTemporal start(WorkerTuning tuning) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-XX:+UseParallelGC",
                "-Xmx2g",
                "-cp",
                System.getProperty("java.class.path"),
                TemporalServerMain.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = pb.start();
    int port;
    try {
      port = awaitPort(process);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    String target = "127.0.0.1:" + port;
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(NAMESPACE)
                  .putAllSearchAttributes(StatecraftSearchAttributes.all())
                  .build());
    } finally {
      operator.shutdown();
    }
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    return new BenchTemporal(process, stubs, client, tuning);
  }

  private static int awaitPort(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(TemporalServerMain.READY)) {
        return Integer.parseInt(line.substring(TemporalServerMain.READY.length()).trim());
      }
    }
    throw new IOException(
        "the Temporal test server process exited before listening (status "
            + process.onExit().join().exitValue()
            + ")");
  }

  /**
   * The platform's worker on {@code settings.taskQueue()}, with the tuning's worker options: the
   * interpreter workflows and {@code dispatcher}'s tasks.
   */
  public Worker statecraftWorker(WorkerSettings settings, TaskDispatcher dispatcher) {
    WorkerOptions options = tuning.applyTo(WorkerOptions.newBuilder()).build();
    Worker worker = StatecraftWorkers.register(factory, settings, options);
    worker.registerActivitiesImplementations(dispatcher);
    return worker;
  }

  /** Starts polling. */
  public void startWorkers() {
    factory.start();
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkerTuning tuning() {
    return tuning;
  }

  /** A Statecraft client starting executions on {@code taskQueue}. */
  public StatecraftClient statecraftClient(String taskQueue) {
    return StatecraftClients.create(client, taskQueue);
  }

  /** How many events one run's Temporal history holds, read page by page from the server. */
  public int historyEvents(String workflowId, String runId) {
    int events = 0;
    com.google.protobuf.ByteString token = com.google.protobuf.ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryRequest.Builder request =
          GetWorkflowExecutionHistoryRequest.newBuilder()
              .setNamespace(NAMESPACE)
              .setExecution(
                  WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
              .setNextPageToken(token);
      GetWorkflowExecutionHistoryResponse page =
          stubs.blockingStub().getWorkflowExecutionHistory(request.build());
      events += page.getHistory().getEventsCount();
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return events;
  }

  /** The events of one run's Temporal history. */
  public List<io.temporal.api.history.v1.HistoryEvent> history(String workflowId, String runId) {
    return client.fetchHistory(workflowId, runId).getEvents();
  }

  @Override
  public void close() {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    stubs.shutdownNow();
    try {
      server.getOutputStream().close();
      if (!server.waitFor(5, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    } catch (IOException e) {
      server.destroyForcibly();
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
