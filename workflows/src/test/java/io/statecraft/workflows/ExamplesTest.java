package io.statecraft.workflows;

import static io.statecraft.workflows.support.Definitions.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.builtin.HttpConnection;
import io.statecraft.activities.builtin.HttpInvokeActivity;
import io.statecraft.activities.builtin.HttpTaskSettings;
import io.statecraft.activities.demo.DemoServices;
import io.statecraft.activities.demo.DemoSettings;
import io.statecraft.activities.demo.devops.DevOpsDemoApi;
import io.statecraft.activities.demo.fraud.ReviewInbox;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.workflows.support.LoopbackHttp;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example state machines of {@code examples/}, with their demo tasks. */
class ExamplesTest {

  static final String DEVOPS_CONNECTION =
      "arn:aws:events:us-east-1:123456789012:connection/statecraft-demo/devops";

  static final String ORDER =
      """
      {"orderId":"%s","customerId":"c-42",
       "items":[{"sku":"SKU-BOOK","quantity":2},{"sku":"SKU-MUG","quantity":1}],
       "payment":{"method":"card","token":"tok_visa"},
       "shippingAddress":{"name":"Ada","line1":"1 Loop St","city":"Springfield",
         "postalCode":"12345","country":"%s"}}
      """;

  DemoServices demo;
  LoopbackHttp devOpsApi;
  StatecraftTestKit kit;

  @BeforeEach
  void start() {
    demo = DemoServices.create(DemoSettings.defaults().withTransientFailures("ChargePayment", 1));
    DevOpsDemoApi api = demo.devOpsApi();
    devOpsApi =
        new LoopbackHttp(
            request -> {
              DevOpsDemoApi.Response response =
                  api.handle(
                      request.method(),
                      request.path(),
                      request.rawQuery(),
                      request.headers(),
                      request.body());
              return new LoopbackHttp.Response(response.status(), response.body().toString());
            });
    HttpInvokeActivity http =
        new HttpInvokeActivity(
            HttpTaskSettings.builder()
                .allowPlainHttp(true)
                .connection(DEVOPS_CONNECTION, HttpConnection.none())
                .build());
    kit = StatecraftTestKit.builder().tasks(demo.taskObjects().toArray()).tasks(http).build();
  }

  @AfterEach
  void stop() {
    kit.close();
    devOpsApi.close();
  }

  @Test
  void anOrderIsValidatedReservedChargedAfterARetryAndShipped() {
    StatecraftTestKit.Result result =
        kit.run(
            "OrderProcessing", example("order-processing.asl.json"), ORDER.formatted("o-1", "US"));
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = result.output();
    assertThat(out.path("orderId").asText()).isEqualTo("o-1");
    assertThat(out.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(out.path("chargeId").asText()).isNotEmpty();
    assertThat(out.path("trackingNumber").asText()).isNotEmpty();
    assertThat(demo.payments().chargesApplied("o-1")).isEqualTo(1);
    assertThat(demo.shipping().shipmentsApplied("o-1")).isEqualTo(1);
    assertThat(demo.inventory().reservationsApplied("o-1")).isEqualTo(1);
    // ChargePayment failed once (PaymentGatewayTimeout) and its jittered retry succeeded.
    assertThat(result.history().stream().filter(e -> e.type() == HistoryEventType.ActivityFailed))
        .hasSize(1);
  }

  @Test
  void anOrderThatCannotShipIsCompensatedAndFailsWithTheOriginalError() {
    StatecraftTestKit.Result result =
        kit.run(
            "OrderProcessing", example("order-processing.asl.json"), ORDER.formatted("o-2", "AQ"));
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("AddressNotServiceable");
    assertThat(demo.inventory().releasesApplied("o-2")).isEqualTo(1);
    assertThat(demo.payments().refundsApplied("o-2")).isEqualTo(1);
    assertThat(demo.shipping().shipmentsApplied("o-2")).isZero();
    assertThat(result.history())
        .extracting(HistoryEvent::name)
        .contains("CompensateOrder", "ReleaseInventory", "RefundPayment", "OrderFailed");
  }

  @Test
  void theJsonataOrderGivesTheSameOutputAndCompensationAsTheJsonPathOne() {
    StatecraftTestKit.Result shipped =
        kit.run(
            "OrderProcessingJsonata",
            example("order-processing-jsonata.asl.json"),
            ORDER.formatted("o-3", "US"));
    assertThat(shipped.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(shipped.output().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(shipped.output().path("orderId").asText()).isEqualTo("o-3");
    assertThat(demo.shipping().shipmentsApplied("o-3")).isEqualTo(1);

    StatecraftTestKit.Result compensated =
        kit.run(
            "OrderProcessingJsonata",
            example("order-processing-jsonata.asl.json"),
            ORDER.formatted("o-4", "AQ"));
    assertThat(compensated.error()).isEqualTo("AddressNotServiceable");
    assertThat(demo.payments().refundsApplied("o-4")).isEqualTo(1);
  }

  @Test
  void theEtlPipelineRejectsTheBadRecordsAndLoadsTheRest() {
    StatecraftTestKit.Result result =
        kit.run(
            "EtlPipeline",
            example("etl-pipeline.asl.json"),
            "{\"batchId\":\"batch-7\",\"source\":\"demo-customers\"}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().toString()).contains("\"loaded\":3").contains("\"rejected\":2");
    assertThat(demo.records().loadsApplied("batch-7")).isEqualTo(1);
    assertThat(demo.records().loaded("batch-7")).hasSize(3);
  }

  @Test
  void aSuspiciousTransactionWaitsForAReviewerWhoseDecisionArrivesWithTheToken() throws Exception {
    StatecraftTestKit.Execution execution =
        kit.start(
            "FraudDetection",
            example("fraud-detection.asl.json"),
            """
            {"transactionId":"t-1","accountId":"a-1","amountCents":250000,"currency":"USD",
             "country":"FR","homeCountry":"US","merchantCategory":"electronics"}
            """);
    ReviewInbox.Item pending = awaitReview();
    assertThat(execution.progress().currentStates()).containsExactly("ManualReview");
    ReviewInbox.Item decided =
        demo.reviews().resolve(pending.reviewId(), true, "alice", "known customer");
    kit.client().sendTaskSuccess(decided.taskToken(), decided.taskOutput().toString());

    StatecraftTestKit.Result result = execution.await();
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().path("decision").asText()).isEqualTo("APPROVED");
    assertThat(demo.decisions().decisionsApplied("t-1")).isEqualTo(1);
  }

  @Test
  void aReviewThatNeverComesTimesOutAndTheTransactionIsDeclined() throws Exception {
    StatecraftTestKit.Execution execution =
        kit.start(
            "FraudDetection",
            example("fraud-detection.asl.json"),
            """
            {"transactionId":"t-2","accountId":"a-2","amountCents":250000,"currency":"USD",
             "country":"FR","homeCountry":"US","merchantCategory":"electronics"}
            """);
    awaitReview();
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.output().path("decision").asText()).isEqualTo("DECLINED");
  }

  @Test
  void aDeploymentIsStartedPolledAfterWaitsAndVerifiedOverHttp() {
    StatecraftTestKit.Result result =
        kit.run("DevOpsAutomation", example("devops-automation.asl.json"), devOpsInput("1.4.2"));
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().path("status").asText()).isEqualTo("DEPLOYED");
    assertThat(result.output().path("version").asText()).isEqualTo("1.4.2");
    assertThat(demo.deployments().deploymentsStarted("checkout", "staging")).isEqualTo(1);
    assertThat(result.history().stream().filter(e -> e.type() == HistoryEventType.WaitStateEntered))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void aBadRolloutIsRolledBackAndFailsTheDeployment() {
    StatecraftTestKit.Result result =
        kit.run(
            "DevOpsAutomation", example("devops-automation.asl.json"), devOpsInput("2.0.0-bad"));
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("DeploymentFailed");
  }

  private String devOpsInput(String version) {
    return """
        {"platformUrl":"%s","service":"checkout","version":"%s","environment":"staging"}
        """
        .formatted(devOpsApi.baseUrl(), version);
  }

  private ReviewInbox.Item awaitReview() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<ReviewInbox.Item> pending = demo.reviews().pending();
      if (!pending.isEmpty()) {
        return pending.get(0);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no review was requested");
  }
}
