package io.statecraft.api.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.PlatformITBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The order-processing example, preloaded from {@code examples/}, gives the same output through the
 * REST API and through the AWS protocol.
 */
class OrderExampleIT extends PlatformITBase {

  static final String ORDER =
      """
      {"orderId":"o-1001","customerId":"c-42",
       "items":[{"sku":"SKU-BOOK","quantity":2},{"sku":"SKU-MUG","quantity":1}],
       "payment":{"method":"card","token":"tok_visa"},
       "shippingAddress":{"name":"Ada","line1":"1 Loop St","city":"Springfield",
                          "postalCode":"12345","country":"US"}}""";

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  SfnClient sfn;

  @BeforeEach
  void client() {
    sfn = sfnClient().build();
  }

  @AfterEach
  void close() {
    sfn.close();
  }

  JsonNode viaRest(String machine, String name) throws Exception {
    HttpResponse<String> started =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/api/v1/state-machines/" + machine + "/executions"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"input\":" + ORDER + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    json.readTree(
                        http.send(
                                HttpRequest.newBuilder(
                                        URI.create(
                                            baseUrl()
                                                + "/api/v1/state-machines/"
                                                + machine
                                                + "/executions/"
                                                + name))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString())
                            .body()),
                body -> !body.path("status").asText().equals("RUNNING"));
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    return done.path("output");
  }

  JsonNode viaAws(String machine, String name) throws Exception {
    String arn =
        sfn.startExecution(
                r ->
                    r.stateMachineArn(
                            "arn:aws:states:us-east-1:123456789012:stateMachine:" + machine)
                        .name(name)
                        .input(ORDER))
            .executionArn();
    DescribeExecutionResponse done =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> sfn.describeExecution(r -> r.executionArn(arn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
    return json.readTree(done.output());
  }

  @Test
  void theOrderExampleGivesTheSameOutputThroughBothApis() throws Exception {
    JsonNode rest = viaRest("order-processing", "order-rest");
    JsonNode aws = viaAws("order-processing", "order-aws");
    assertThat(rest.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(rest.path("orderId").asText()).isEqualTo("o-1001");
    assertThat(rest.path("totalCents").asLong()).isPositive();
    assertThat(aws).isEqualTo(rest);
  }

  @Test
  void theJsonataVersionGivesTheSameOutputAsTheJsonPathOne() throws Exception {
    JsonNode reference = viaRest("order-processing", "order-reference");
    assertThat(viaRest("order-processing-jsonata", "order-jsonata-rest")).isEqualTo(reference);
    assertThat(viaAws("order-processing-jsonata", "order-jsonata-aws")).isEqualTo(reference);
  }
}
