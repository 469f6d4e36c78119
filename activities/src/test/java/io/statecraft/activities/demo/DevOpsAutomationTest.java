package io.statecraft.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.statecraft.activities.FixedTaskContext;
import io.statecraft.activities.builtin.HttpConnection;
import io.statecraft.activities.builtin.HttpInvokeActivity;
import io.statecraft.activities.builtin.HttpTaskSettings;
import io.statecraft.activities.builtin.Secret;
import io.statecraft.activities.demo.devops.DevOpsDemoApi;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DevOps demo's HTTP tasks against the fake deploy/health API, served on loopback. */
class DevOpsAutomationTest {

  private static final String CONNECTION =
      "arn:aws:events:us-east-1:123456789012:connection/statecraft-demo/devops";

  private final ObjectMapper mapper = TaskDispatcher.defaultObjectMapper();
  private final DemoServices demo = DemoServices.create(DemoSettings.defaults());
  private final AtomicReference<String> apiKeySeen = new AtomicReference<>();
  private HttpServer server;
  private TaskDispatcher tasks;
  private String base;

  @BeforeEach
  void setUp() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    DevOpsDemoApi api = demo.devOpsApi();
    server.createContext(
        DevOpsDemoApi.BASE_PATH,
        exchange -> {
          try (exchange) {
            apiKeySeen.set(exchange.getRequestHeaders().getFirst("x-demo-key"));
            DevOpsDemoApi.Response response =
                api.handle(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            byte[] body = mapper.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    HttpInvokeActivity http =
        new HttpInvokeActivity(
            HttpTaskSettings.builder()
                .allowPlainHttp(true)
                .connection(
                    CONNECTION, HttpConnection.apiKey("x-demo-key", Secret.of("demo-secret")))
                .build());
    tasks = TaskDispatcher.builder().register(http).build();
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  private JsonNode http(String method, String path, String extra, String state) throws Exception {
    return tasks.invoke(
        HttpInvokeActivity.ACTIVITY_TYPE,
        mapper.readTree(
            "{\"ApiEndpoint\":\""
                + base
                + DevOpsDemoApi.BASE_PATH
                + path
                + "\",\"Method\":\""
                + method
                + "\",\"Authentication\":{\"ConnectionArn\":\""
                + CONNECTION
                + "\"}"
                + extra
                + "}"),
        FixedTaskContext.of("devops-automation/deploy-1", state));
  }

  @Test
  void deploysPollsUntilTheRolloutSucceedsAndVerifiesHealth() throws Exception {
    String start =
        ",\"Headers\":{\"Content-Type\":\"application/json\",\"Idempotency-Key\":\"exec-1/StartDeployment\"},"
            + "\"RequestBody\":{\"service\":\"checkout\",\"version\":\"1.4.2\",\"environment\":\"staging\"}";
    JsonNode started = http("POST", "/deployments", start, "StartDeployment");
    JsonNode repeated = http("POST", "/deployments", start, "StartDeployment");
    assertThat(started.get("StatusCode").asInt()).isEqualTo(201);
    String id = started.get("ResponseBody").get("deploymentId").asText();
    assertThat(repeated.get("ResponseBody").get("deploymentId").asText()).isEqualTo(id);
    assertThat(demo.deployments().deploymentsStarted("checkout", "staging")).isEqualTo(1);
    assertThat(apiKeySeen.get()).isEqualTo("demo-secret");

    // CheckDeployment runs after each Wait; the rollout completes after two checks.
    assertThat(
            http("GET", "/deployments/" + id, "", "CheckDeployment")
                .get("ResponseBody")
                .get("status")
                .asText())
        .isEqualTo("IN_PROGRESS");
    assertThat(
            http("GET", "/deployments/" + id, "", "CheckDeployment")
                .get("ResponseBody")
                .get("status")
                .asText())
        .isEqualTo("IN_PROGRESS");
    assertThat(
            http("GET", "/deployments/" + id, "", "CheckDeployment")
                .get("ResponseBody")
                .get("status")
                .asText())
        .isEqualTo("SUCCEEDED");

    JsonNode health =
        http(
            "GET",
            "/services/checkout/health",
            ",\"QueryParameters\":{\"environment\":\"staging\"}",
            "VerifyHealth");
    assertThat(health.get("ResponseBody"))
        .isEqualTo(
            mapper.readTree(
                "{\"service\":\"checkout\",\"environment\":\"staging\",\"version\":\"1.4.2\",\"status\":\"HEALTHY\"}"));
  }

  @ActivityInterface
  public interface HttpCaller {
    @ActivityMethod(name = HttpInvokeActivity.ACTIVITY_TYPE)
    JsonNode invoke(JsonNode parameters);
  }

  @Test
  void anUnhealthyVersionFailsItsHealthCheckWithAStatusCodeErrorAndIsRolledBack() throws Exception {
    JsonNode started =
        http(
            "POST",
            "/deployments",
            ",\"RequestBody\":{\"service\":\"search\",\"version\":\"2.0.0-unhealthy\",\"environment\":\"prod\"}",
            "StartDeployment");
    String id = started.get("ResponseBody").get("deploymentId").asText();
    for (int i = 0; i < 3; i++) {
      http("GET", "/deployments/" + id, "", "CheckDeployment");
    }

    // Through a Temporal worker: the error name reaches the workflow as the failure type.
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(tasks);
      HttpCaller caller =
          env.newActivityStub(
              HttpCaller.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      ActivityFailure failure = null;
      try {
        caller.invoke(
            mapper.readTree(
                "{\"ApiEndpoint\":\""
                    + base
                    + "/demo/devops/services/search/health\",\"Method\":\"GET\","
                    + "\"QueryParameters\":{\"environment\":\"prod\"},"
                    + "\"Authentication\":{\"ConnectionArn\":\""
                    + CONNECTION
                    + "\"}}"));
      } catch (ActivityFailure f) {
        failure = f;
      }
      assertThat(failure).isNotNull();
      ApplicationFailure cause = (ApplicationFailure) failure.getCause();
      assertThat(cause.getType()).isEqualTo("States.Http.StatusCode.503");
      assertThat(
              mapper
                  .readTree(cause.getOriginalMessage())
                  .get("ResponseBody")
                  .get("status")
                  .asText())
          .isEqualTo("UNHEALTHY");
    } finally {
      env.close();
    }

    JsonNode rolledBack = http("POST", "/deployments/" + id + "/rollback", "", "RollBack");
    assertThat(rolledBack.get("ResponseBody").get("status").asText()).isEqualTo("ROLLED_BACK");
    assertThat(demo.deployments().health("search", "prod")).isEmpty();
  }

  @Test
  void theApiAnswersBadRequestsWithClearErrors() {
    DevOpsDemoApi api = demo.devOpsApi();
    assertThat(api.handle("POST", "/demo/devops/deployments", null, null, "{}".getBytes()).status())
        .isEqualTo(400);
    assertThat(api.handle("GET", "/demo/devops/deployments/nope", null, null, new byte[0]).status())
        .isEqualTo(404);
    assertThat(api.handle("DELETE", "/demo/devops/deployments", null, null, new byte[0]).status())
        .isEqualTo(405);
    DevOpsDemoApi.Response missingEnv =
        api.handle("GET", "/demo/devops/services/x/health", null, null, new byte[0]);
    assertThat(missingEnv.status()).isEqualTo(400);
    assertThat(missingEnv.body().get("message").asText()).contains("environment");
  }
}
