package io.statecraft.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.ActivityId.ScopeSegment;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task identity and idempotency key as a real workflow and worker carry them. */
class TaskContextWorkflowTest {

  private static final String QUEUE = "context-test";
  private static final String WORKFLOW_ID = "orders/exec-42";

  @WorkflowInterface
  public interface ProbeWorkflow {
    @WorkflowMethod
    List<JsonNode> run();
  }

  /** Schedules the same task the way the interpreter would for several invocations. */
  public static final class ProbeWorkflowImpl implements ProbeWorkflow {
    @Override
    public List<JsonNode> run() {
      ActivityStub stub =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(10))
                  .setRetryOptions(
                      RetryOptions.newBuilder()
                          .setInitialInterval(Duration.ofMillis(10))
                          .setMaximumAttempts(3)
                          .build())
                  .build());
      List<JsonNode> results = new ArrayList<>();
      ActivityId first = ActivityId.of("Probe", 1);
      results.add(TaskHeaders.withActivityId(first, () -> stub.execute("Probe", JsonNode.class)));
      results.add(
          TaskHeaders.withActivityId(
              first.withAttempt(2), () -> stub.execute("Probe", JsonNode.class)));
      results.add(
          TaskHeaders.withActivityId(
              ActivityId.of("Probe", 2), () -> stub.execute("Probe", JsonNode.class)));
      results.add(
          TaskHeaders.withActivityId(
              ActivityId.nested(List.of(new ScopeSegment("Items[x]", 3)), "Probe", 1),
              () -> stub.execute("Probe", JsonNode.class)));
      results.add(
          TaskHeaders.withActivityId(
              ActivityId.of("Flaky", 1), () -> stub.execute("Flaky", JsonNode.class)));
      results.add(stub.execute("Probe", JsonNode.class));
      return results;
    }
  }

  /** Reports its context; Flaky fails its first Temporal attempt. */
  public static final class ProbeTasks {
    final List<String> flakyKeys = new CopyOnWriteArrayList<>();

    @AslTask("Probe")
    public Map<String, Object> probe(TaskContext context) {
      return describe(context);
    }

    @AslTask("Flaky")
    public Map<String, Object> flaky(TaskContext context) {
      flakyKeys.add(context.idempotencyKey());
      if (context.temporalAttempt() == 1) {
        throw new IllegalStateException("worker lost its connection");
      }
      return describe(context);
    }

    private static Map<String, Object> describe(TaskContext context) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("key", context.idempotencyKey());
      out.put("stateName", context.stateName());
      out.put("scope", context.scopePath());
      out.put("visit", context.visit());
      out.put("interpreterAttempt", context.interpreterAttempt());
      out.put("temporalAttempt", context.temporalAttempt());
      out.put("hasAslId", context.aslActivityId().isPresent());
      out.put("activityId", context.activityId());
      out.put("workflowId", context.workflowId());
      out.put("runId", context.runId());
      out.put("taskQueue", context.taskQueue());
      return out;
    }
  }

  private TestWorkflowEnvironment env;
  private ProbeTasks tasks;

  @BeforeEach
  void setUp() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new TaskContextInterceptor())
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ProbeWorkflowImpl.class);
    tasks = new ProbeTasks();
    worker.registerActivitiesImplementations(TaskDispatcher.builder().register(tasks).build());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void keyIdentifiesTheInvocationNotTheAttempt() {
    WorkflowClient client = env.getWorkflowClient();
    ProbeWorkflow workflow =
        client.newWorkflowStub(
            ProbeWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(WORKFLOW_ID).build());
    List<JsonNode> results = workflow.run();

    JsonNode first = results.get(0);
    assertThat(first.get("key").asText()).isEqualTo("orders/exec-42/Probe#1");
    assertThat(first.get("stateName").asText()).isEqualTo("Probe");
    assertThat(first.get("visit").asInt()).isEqualTo(1);
    assertThat(first.get("interpreterAttempt").asInt()).isEqualTo(1);
    assertThat(first.get("hasAslId").asBoolean()).isTrue();
    assertThat(first.get("workflowId").asText()).isEqualTo(WORKFLOW_ID);
    assertThat(first.get("runId").asText()).isNotEmpty();
    assertThat(first.get("taskQueue").asText()).isEqualTo(QUEUE);

    JsonNode interpreterRetry = results.get(1);
    assertThat(interpreterRetry.get("interpreterAttempt").asInt()).isEqualTo(2);
    assertThat(interpreterRetry.get("key").asText()).isEqualTo(first.get("key").asText());
    assertThat(interpreterRetry.get("activityId").asText())
        .isNotEqualTo(first.get("activityId").asText());

    JsonNode secondVisit = results.get(1 + 1);
    assertThat(secondVisit.get("visit").asInt()).isEqualTo(2);
    assertThat(secondVisit.get("key").asText()).isEqualTo("orders/exec-42/Probe#2");

    JsonNode nested = results.get(3);
    assertThat(nested.get("key").asText()).isEqualTo("orders/exec-42/Items%5Bx%5D[3]/Probe#1");
    assertThat(nested.get("scope").get(0).get("stateName").asText()).isEqualTo("Items[x]");
    assertThat(nested.get("scope").get(0).get("index").asInt()).isEqualTo(3);

    JsonNode flaky = results.get(4);
    assertThat(flaky.get("temporalAttempt").asInt()).isEqualTo(2);
    assertThat(tasks.flakyKeys).containsExactly("orders/exec-42/Flaky#1", "orders/exec-42/Flaky#1");

    JsonNode withoutHeader = results.get(5);
    assertThat(withoutHeader.get("hasAslId").asBoolean()).isFalse();
    assertThat(withoutHeader.get("key").asText())
        .isEqualTo(WORKFLOW_ID + "/" + withoutHeader.get("activityId").asText());
  }
}
