package io.statecraft.workflows;

import static io.statecraft.workflows.support.Definitions.activity;
import static io.statecraft.workflows.support.Definitions.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.activities.demo.DemoServices;
import io.statecraft.activities.demo.DemoSettings;
import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.workflows.ports.Json;
import io.statecraft.workflows.testing.InMemoryNestedExecutions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker stopped in the middle of an execution, and a new one started against the same server:
 * the new worker replays the history, the execution completes with the right output, and no task
 * that had completed runs again.
 */
class WorkerRestartTest {

  TestWorkflowEnvironment environment;
  StatecraftClient client;
  DemoServices demo;

  @BeforeEach
  void start() {
    environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(StatecraftWorkers.factoryOptions().build())
                .build());
    StatecraftSearchAttributes.all().forEach(environment::registerSearchAttribute);
    client =
        StatecraftClients.create(
            environment.getWorkflowClient(), WorkerSettings.DEFAULT_TASK_QUEUE);
    demo =
        DemoServices.create(
            DemoSettings.defaults().withLatency(Duration.ofMillis(150), Duration.ofMillis(250)));
  }

  @AfterEach
  void stop() {
    environment.close();
  }

  private void registerPlatform(WorkerFactory factory, WorkerOptions options) {
    Worker worker = StatecraftWorkers.register(factory, WorkerSettings.defaults(), options);
    worker.registerActivitiesImplementations(
        TaskDispatcher.builder().register(demo.taskObjects().toArray()).build(),
        new InMemoryNestedExecutions(Instant::now));
  }

  private ExecutionRequest request(String stateMachine, String definition, String input) {
    String prefix = "arn:aws:states:us-east-1:123456789012:";
    return ExecutionRequest.start(
        prefix + "stateMachine:" + stateMachine,
        stateMachine,
        prefix + "execution:" + stateMachine + ":run-1",
        "run-1",
        null,
        Instant.ofEpochMilli(environment.currentTimeMillis()),
        input,
        definition);
  }

  /**
   * The first worker asks for no sticky task queue: the test server never moves a workflow task
   * from a dead worker's sticky queue to the normal one, as a real server does after the sticky
   * ScheduleToStart timeout. It still keeps its workflows cached, so the next worker must replay.
   */
  private WorkerFactory firstWorker() {
    WorkerFactory factory = StatecraftWorkers.newFactory(environment.getWorkflowClient());
    registerPlatform(
        factory,
        WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build());
    environment.start();
    factory.start();
    return factory;
  }

  private void awaitState(String workflowId, String state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!client.progress(workflowId).currentStates().contains(state)
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(client.progress(workflowId).currentStates()).contains(state);
  }

  /** The order example with a pause between charging and shipping, where the worker dies. */
  private static String orderWithPause() {
    ObjectNode definition = (ObjectNode) Json.parse(example("order-processing.asl.json"));
    ObjectNode states = (ObjectNode) definition.get("States");
    ((ObjectNode) states.get("ReserveAndCharge")).put("Next", "PauseBeforeShipping");
    states
        .putObject("PauseBeforeShipping")
        .put("Type", "Wait")
        .put("Seconds", 600)
        .put("Next", "ShipOrder");
    return definition.toString();
  }

  @Test
  void anOrderCompletesOnANewWorkerAndNoCompletedTaskRunsAgain() throws Exception {
    WorkerFactory first = firstWorker();
    ExecutionRequest request =
        request(
            "OrderProcessing", orderWithPause(), ExamplesTest.ORDER.formatted("o-restart", "US"));
    client.start(request);
    awaitState(request.workflowId(), "PauseBeforeShipping");
    assertThat(demo.payments().chargesApplied("o-restart")).isEqualTo(1);
    assertThat(demo.shipping().shipmentsApplied("o-restart")).isZero();
    first.shutdownNow();
    first.awaitTermination(10, TimeUnit.SECONDS);

    WorkerFactory second = StatecraftWorkers.newFactory(environment.getWorkflowClient());
    registerPlatform(second, WorkerOptions.getDefaultInstance());
    second.start();
    try {
      StatecraftClient.ExecutionDescription done =
          client.awaitClose(request.workflowId(), Duration.ofMinutes(2));
      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.output())
          .contains("\"status\":\"COMPLETED\"")
          .contains("\"orderId\":\"o-restart\"");
    } finally {
      second.shutdownNow();
    }
    EffectLedger ledger = demo.ledger();
    for (String effect : new String[] {"inventory.reserve", "payment.charge", "shipping.ship"}) {
      assertThat(ledger.appliedKeys(effect)).as(effect).hasSize(1);
      for (String key : ledger.appliedKeys(effect)) {
        assertThat(ledger.requestCount(effect, key)).as(effect + " requests").isEqualTo(1);
      }
    }
  }

  @Test
  void aWorkflowKilledWhileWaitingIsReplayedByTheNextWorker() throws Exception {
    String definition =
        """
        {"StartAt":"Validate","States":{
          "Validate":{"Type":"Task","Resource":"%s","ResultPath":"$.validation","Next":"Cool"},
          "Cool":{"Type":"Wait","Seconds":3600,"Next":"Release"},
          "Release":{"Type":"Task","Resource":"%s",
            "Parameters":{"orderId.$":"$.orderId"},"ResultPath":"$.release","End":true}}}
        """
            .formatted(activity("ValidateOrder"), activity("ReleaseInventory"));
    WorkerFactory first = firstWorker();
    ExecutionRequest request =
        request("Cooling", definition, ExamplesTest.ORDER.formatted("o-kill", "US"));
    client.start(request);
    awaitState(request.workflowId(), "Cool");
    // Killed: nothing finishes gracefully, the cached workflow is gone with the worker.
    first.shutdownNow();
    first.awaitTermination(10, TimeUnit.SECONDS);

    WorkerFactory second = StatecraftWorkers.newFactory(environment.getWorkflowClient());
    registerPlatform(second, WorkerOptions.getDefaultInstance());
    second.start();
    try {
      StatecraftClient.ExecutionDescription done =
          client.awaitClose(request.workflowId(), Duration.ofMinutes(2));
      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.output()).contains("\"release\":{\"orderId\":\"o-kill\"");
    } finally {
      second.shutdownNow();
    }
    assertThat(demo.runtime().attempts("ValidateOrder", request.workflowId() + "/Validate#1"))
        .isEqualTo(1);
    assertThat(demo.runtime().attempts("ReleaseInventory", request.workflowId() + "/Release#1"))
        .isEqualTo(1);
  }
}
