package io.statecraft.activities.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.statecraft.activities.ActivityId;
import io.statecraft.activities.TaskContext;
import io.statecraft.activities.TaskContextInterceptor;
import io.statecraft.activities.TaskHeaders;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team's worker in its own "process": a separate connection to a Temporal server on a loopback
 * TCP port, polling its own task queue, reached by a workflow running on the platform's queue.
 */
class TaskWorkerTest {

  private static final String PLATFORM_QUEUE = "platform";
  private static final String TEAM_QUEUE = "team-payments";

  @WorkflowInterface
  public interface CallTeamTask {
    @WorkflowMethod
    JsonNode call(String taskName, String stateName);
  }

  public static final class CallTeamTaskImpl implements CallTeamTask {
    @Override
    public JsonNode call(String taskName, String stateName) {
      ActivityStub stub =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder()
                  .setTaskQueue(TEAM_QUEUE)
                  .setStartToCloseTimeout(Duration.ofSeconds(20))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      return TaskHeaders.withActivityId(
          ActivityId.of(stateName, 1),
          () -> stub.execute(taskName, JsonNode.class, Map.of("amountCents", 1200)));
    }
  }

  public record ChargeInput(long amountCents) {}

  public static final class TeamTasks {
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final AtomicBoolean slowFinished = new AtomicBoolean();

    @AslTask("Charge")
    public Map<String, Object> charge(ChargeInput input, TaskContext context) {
      return Map.of("charged", input.amountCents(), "key", context.idempotencyKey());
    }

    @AslTask("SlowCharge")
    public Map<String, Object> slow(ChargeInput input, TaskContext context)
        throws InterruptedException {
      slowStarted.countDown();
      Thread.sleep(800);
      slowFinished.set(true);
      return Map.of("charged", input.amountCents());
    }
  }

  private TestServicesStarter services;
  private Server server;
  private String target;
  private WorkflowServiceStubs platformStubs;
  private WorkerFactory platform;
  private WorkflowClient client;

  @BeforeEach
  void startServerAndPlatform() throws Exception {
    services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    server = builder.build().start();
    target = "127.0.0.1:" + server.getPort();

    platformStubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    client = WorkflowClient.newInstance(platformStubs);
    platform =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new TaskContextInterceptor())
                .build());
    platform.newWorker(PLATFORM_QUEUE).registerWorkflowImplementationTypes(CallTeamTaskImpl.class);
    platform.start();
  }

  @AfterEach
  void stopAll() throws Exception {
    platform.shutdownNow();
    platform.awaitTermination(5, TimeUnit.SECONDS);
    platformStubs.shutdownNow();
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    services.close();
  }

  private CallTeamTask workflow(String id) {
    return client.newWorkflowStub(
        CallTeamTask.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(PLATFORM_QUEUE)
            .setWorkflowId(id)
            .setWorkflowExecutionTimeout(Duration.ofSeconds(60))
            .build());
  }

  @Test
  void runsTasksOnItsOwnQueueAgainstATemporalServerByAddress() {
    TeamTasks tasks = new TeamTasks();
    try (TaskWorker worker =
        TaskWorker.builder()
            .target(target)
            .namespace("default")
            .taskQueue(TEAM_QUEUE)
            .identity("payments-worker-1")
            .register(tasks)
            .build()
            .start()) {
      assertThat(worker.isRunning()).isTrue();
      assertThat(worker.dispatcher().taskNames()).containsExactly("Charge", "SlowCharge");

      JsonNode result = workflow("payments/order-1").call("Charge", "ChargeCard");

      assertThat(result.get("charged").asLong()).isEqualTo(1200);
      // The worker registered the interceptor itself: the task sees the state's ASL identity.
      assertThat(result.get("key").asText()).isEqualTo("payments/order-1/ChargeCard#1");
    }
  }

  @Test
  void closeLetsRunningTasksFinishBeforeStopping() throws Exception {
    TeamTasks tasks = new TeamTasks();
    TaskWorker worker =
        TaskWorker.builder()
            .target(target)
            .taskQueue(TEAM_QUEUE)
            .shutdownGracePeriod(Duration.ofSeconds(10))
            .register(tasks)
            .build()
            .start();
    CompletableFuture<JsonNode> result =
        WorkflowClient.execute(workflow("payments/order-2")::call, "SlowCharge", "Charge");
    assertThat(tasks.slowStarted.await(20, TimeUnit.SECONDS)).isTrue();

    worker.close();

    assertThat(tasks.slowFinished).isTrue();
    assertThat(worker.isRunning()).isFalse();
    assertThat(result.get(20, TimeUnit.SECONDS).get("charged").asLong()).isEqualTo(1200);
    worker.close(); // idempotent
    assertThatThrownBy(worker::start).hasMessageContaining("is closed");
  }

  @Test
  void buildingWithoutATaskQueueIsAClearError() {
    assertThatThrownBy(() -> TaskWorker.builder().register(new TeamTasks()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a task queue");
  }

  @Test
  void environmentConfiguresConnectionLikeTheTemporalCli() {
    TaskWorker.Builder builder =
        TaskWorker.builder()
            .environment(
                Map.of(
                    "TEMPORAL_ADDRESS", "temporal.example.com:7233",
                    "TEMPORAL_API_KEY", "key-123",
                    "STATECRAFT_TASK_QUEUE", "from-env"));
    WorkflowServiceStubsOptions options = builder.stubsOptions();
    assertThat(options.getTarget()).isEqualTo("temporal.example.com:7233");
    assertThat(options.getEnableHttps()).isTrue();
    assertThat(options.getGrpcMetadataProviders()).isNotEmpty();

    assertThatThrownBy(
            () -> TaskWorker.builder().environment(Map.of("TEMPORAL_TLS_CERT", "/tmp/cert.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together");
  }

  @Test
  void mutualTlsFilesBecomeAnSslContextAndMissingFilesAreNamed() throws URISyntaxException {
    Path cert = resource("tls/self-signed-cert.pem");
    Path key = resource("tls/self-signed-key.pem");
    WorkflowServiceStubsOptions options =
        TaskWorker.builder()
            .target("temporal.example.com:7233")
            .tlsClientCertificate(cert, key)
            .tlsTrustedCertificates(cert)
            .stubsOptions();
    assertThat(options.getSslContext()).isNotNull();
    assertThat(options.getSslContext().isClient()).isTrue();

    Path missing = Path.of("does-not-exist.pem");
    assertThatThrownBy(() -> TaskWorker.builder().tlsClientCertificate(missing, key).stubsOptions())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does-not-exist.pem");
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(TaskWorkerTest.class.getClassLoader().getResource(name).toURI());
  }
}
