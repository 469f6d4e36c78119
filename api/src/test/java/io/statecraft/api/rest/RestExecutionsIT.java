package io.statecraft.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.PlatformITBase;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST API of executions, as the console and scripts use it. */
class RestExecutionsIT extends PlatformITBase {

  static final String PASSES =
      """
      {"StartAt":"Greet","States":{
        "Greet":{"Type":"Pass","Result":"hello","ResultPath":"$.greeting","End":true}}}""";
  static final String WAITS =
      """
      {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""";

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  JsonAnswer get(String path) throws Exception {
    return request("GET", path, null);
  }

  void createMachine(String name, String definition) throws Exception {
    JsonAnswer created =
        request(
            "POST",
            "/api/v1/state-machines",
            "{\"name\":\"" + name + "\",\"definition\":" + definition + ",\"publish\":true}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
  }

  JsonNode awaitStatus(String machine, String execution, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> get("/api/v1/state-machines/" + machine + "/executions/" + execution).body(),
            body -> body.path("status").asText().equals(status));
  }

  @Test
  void startsAnExecutionAndDescribesItWithItsTemporalLink() throws Exception {
    createMachine("RestRuns", PASSES);
    JsonAnswer started =
        request(
            "POST",
            "/api/v1/state-machines/RestRuns/executions",
            "{\"name\":\"run-1\",\"input\":{\"who\":\"ada\"}}");
    assertThat(started.status()).isEqualTo(201);
    JsonNode execution = started.body();
    assertThat(execution.path("executionArn").asText())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:RestRuns:run-1");
    assertThat(execution.path("name").asText()).isEqualTo("run-1");
    assertThat(execution.path("stateMachineName").asText()).isEqualTo("RestRuns");
    assertThat(execution.path("status").asText()).isEqualTo("RUNNING");
    assertThat(execution.path("input")).isEqualTo(json.readTree("{\"who\":\"ada\"}"));
    assertThat(execution.has("stopDate")).isTrue();
    assertThat(execution.path("stopDate").isNull()).isTrue();
    assertThat(execution.has("stateMachineVersionArn")).isTrue();
    assertThat(Instant.parse(execution.path("startDate").asText())).isNotNull();

    JsonNode done = awaitStatus("RestRuns", "run-1", "SUCCEEDED");
    assertThat(done.path("output"))
        .isEqualTo(json.readTree("{\"who\":\"ada\",\"greeting\":\"hello\"}"));
    assertThat(done.path("error").isNull()).isTrue();
    assertThat(done.path("currentStates")).isEmpty();
    assertThat(Instant.parse(done.path("stopDate").asText())).isNotNull();
    JsonNode temporal = done.path("temporal");
    assertThat(temporal.path("namespace").asText()).isEqualTo("default");
    assertThat(temporal.path("workflowId").asText()).isEqualTo("RestRuns/run-1");
    String runId = temporal.path("runId").asText();
    assertThat(runId).isNotBlank();
    assertThat(temporal.path("webUiUrl").asText())
        .isEqualTo(
            "http://localhost:8233/namespaces/default/workflows/RestRuns%2Frun-1/"
                + runId
                + "/history");

    // The same name and input answer the running execution; another input is refused.
    createMachine("RestHeld", WAITS);
    JsonAnswer first =
        request(
            "POST", "/api/v1/state-machines/RestHeld/executions", "{\"name\":\"h\",\"input\":[1]}");
    assertThat(first.status()).isEqualTo(201);
    JsonAnswer same =
        request(
            "POST", "/api/v1/state-machines/RestHeld/executions", "{\"name\":\"h\",\"input\":[1]}");
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.body().path("startDate")).isEqualTo(first.body().path("startDate"));
    JsonAnswer other =
        request(
            "POST", "/api/v1/state-machines/RestHeld/executions", "{\"name\":\"h\",\"input\":[2]}");
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(other.body().path("code").asText()).isEqualTo("ExecutionAlreadyExists");

    JsonNode held =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> get("/api/v1/state-machines/RestHeld/executions/h").body(),
                body -> body.path("currentStates").size() == 1);
    assertThat(held.path("currentStates").get(0).asText()).isEqualTo("Hold");

    // A generated name when none is given.
    JsonAnswer unnamed = request("POST", "/api/v1/state-machines/RestRuns/executions", null);
    assertThat(unnamed.status()).isEqualTo(201);
    assertThat(unnamed.body().path("name").asText()).hasSize(36);
    assertThat(unnamed.body().path("input")).isEqualTo(json.readTree("{}"));
  }

  @Test
  void readsTheHistoryInAwsEventShapes() throws Exception {
    createMachine("RestHistory", PASSES);
    request(
        "POST",
        "/api/v1/state-machines/RestHistory/executions",
        "{\"name\":\"h1\",\"input\":{\"a\":1}}");
    awaitStatus("RestHistory", "h1", "SUCCEEDED");

    JsonNode page = get("/api/v1/state-machines/RestHistory/executions/h1/history").body();
    JsonNode events = page.path("events");
    assertThat(page.has("nextToken")).isTrue();
    assertThat(page.path("nextToken").isNull()).isTrue();
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.path("type").asText()));
    assertThat(types)
        .containsExactly(
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    JsonNode entered = events.get(1);
    assertThat(entered.path("id").asLong()).isEqualTo(2);
    assertThat(entered.path("previousEventId").asLong()).isZero();
    assertThat(Instant.parse(entered.path("timestamp").asText())).isNotNull();
    assertThat(entered.path("stateEnteredEventDetails").path("name").asText()).isEqualTo("Greet");
    // Payloads are JSON text, as AWS returns them.
    assertThat(entered.path("stateEnteredEventDetails").path("input").asText())
        .isEqualTo("{\"a\":1}");

    JsonNode newest =
        get("/api/v1/state-machines/RestHistory/executions/h1/history?reverseOrder=true&maxResults=1&includeExecutionData=false")
            .body();
    assertThat(newest.path("events")).hasSize(1);
    assertThat(newest.path("events").get(0).path("type").asText()).isEqualTo("ExecutionSucceeded");
    assertThat(newest.path("events").get(0).path("executionSucceededEventDetails").has("output"))
        .isFalse();
    String token = newest.path("nextToken").asText();
    JsonNode next =
        get("/api/v1/state-machines/RestHistory/executions/h1/history?reverseOrder=true&maxResults=1&nextToken="
                + token)
            .body();
    assertThat(next.path("events").get(0).path("type").asText()).isEqualTo("PassStateExited");

    JsonAnswer badToken =
        get("/api/v1/state-machines/RestHistory/executions/h1/history?nextToken=bogus");
    assertThat(badToken.status()).isEqualTo(400);
    assertThat(badToken.body().path("code").asText()).isEqualTo("InvalidToken");
    JsonAnswer missing = get("/api/v1/state-machines/RestHistory/executions/none/history");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("code").asText()).isEqualTo("ExecutionDoesNotExist");
  }

  @Test
  void listsAndStopsExecutions() throws Exception {
    createMachine("RestListed", WAITS);
    for (int i = 0; i < 3; i++) {
      assertThat(
              request(
                      "POST",
                      "/api/v1/state-machines/RestListed/executions",
                      "{\"name\":\"l" + i + "\"}")
                  .status())
          .isEqualTo(201);
    }
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      JsonNode page =
          get("/api/v1/state-machines/RestListed/executions?maxResults=2"
                  + (token == null ? "" : "&nextToken=" + token))
              .body();
      page.path("executions").forEach(e -> names.add(e.path("name").asText()));
      token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText();
    } while (token != null);
    assertThat(names).containsExactly("l2", "l1", "l0");

    JsonAnswer stopped =
        request(
            "POST",
            "/api/v1/state-machines/RestListed/executions/l1/stop",
            "{\"error\":\"Manual\",\"cause\":\"by a test\"}");
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(Instant.parse(stopped.body().path("stopDate").asText())).isNotNull();
    JsonNode aborted = awaitStatus("RestListed", "l1", "ABORTED");
    assertThat(aborted.path("error").asText()).isEqualTo("Manual");
    assertThat(aborted.path("cause").asText()).isEqualTo("by a test");

    JsonNode abortedOnly = get("/api/v1/executions?stateMachine=RestListed&status=ABORTED").body();
    assertThat(abortedOnly.path("executions")).hasSize(1);
    JsonNode summary = abortedOnly.path("executions").get(0);
    assertThat(summary.path("name").asText()).isEqualTo("l1");
    assertThat(summary.path("error").asText()).isEqualTo("Manual");
    assertThat(summary.has("input")).isFalse();
    assertThat(summary.path("temporal").path("workflowId").asText()).isEqualTo("RestListed/l1");
    assertThat(
            get("/api/v1/state-machines/RestListed/executions?status=RUNNING")
                .body()
                .path("executions"))
        .hasSize(2);
    assertThat(get("/api/v1/executions?maxResults=1000").body().path("executions").size())
        .isGreaterThanOrEqualTo(3);

    JsonAnswer badStatus = get("/api/v1/executions?status=DONE");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.body().path("code").asText()).isEqualTo("ValidationException");
    JsonAnswer unknownMachine = get("/api/v1/state-machines/Nowhere/executions");
    assertThat(unknownMachine.status()).isEqualTo(404);
    assertThat(unknownMachine.body().path("code").asText()).isEqualTo("StateMachineDoesNotExist");
  }

  @Test
  void runsVersionsAndAliasesByQualifier() throws Exception {
    createMachine("RestQualified", PASSES);
    request(
        "PATCH",
        "/api/v1/state-machines/RestQualified",
        "{\"definition\":{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"Result\":2,\"End\":true}}}}");
    request(
        "POST",
        "/api/v1/state-machines/RestQualified/aliases",
        "{\"name\":\"stable\",\"routing\":[{\"version\":1,\"weight\":100}]}");
    JsonAnswer byVersion =
        request(
            "POST",
            "/api/v1/state-machines/RestQualified/executions",
            "{\"name\":\"v\",\"qualifier\":\"1\"}");
    assertThat(byVersion.status()).isEqualTo(201);
    assertThat(byVersion.body().path("stateMachineVersionArn").asText())
        .endsWith(":RestQualified:1");
    JsonAnswer byAlias =
        request(
            "POST",
            "/api/v1/state-machines/RestQualified/executions",
            "{\"name\":\"a\",\"qualifier\":\"stable\"}");
    assertThat(byAlias.body().path("stateMachineAliasArn").asText())
        .endsWith(":RestQualified:stable");
    request("POST", "/api/v1/state-machines/RestQualified/executions", "{\"name\":\"c\"}");

    assertThat(
            awaitStatus("RestQualified", "v", "SUCCEEDED").path("output").path("greeting").asText())
        .isEqualTo("hello");
    assertThat(
            awaitStatus("RestQualified", "a", "SUCCEEDED").path("output").path("greeting").asText())
        .isEqualTo("hello");
    assertThat(awaitStatus("RestQualified", "c", "SUCCEEDED").path("output").asInt()).isEqualTo(2);

    JsonAnswer bad =
        request(
            "POST",
            "/api/v1/state-machines/RestQualified/executions",
            "{\"name\":\"x\",\"qualifier\":\"0\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/qualifier");
    JsonAnswer noVersion =
        request(
            "POST",
            "/api/v1/state-machines/RestQualified/executions",
            "{\"name\":\"y\",\"qualifier\":\"9\"}");
    assertThat(noVersion.status()).isEqualTo(404);
  }

  @Test
  void refusesBadInputWithProblemDetails() throws Exception {
    createMachine("RestStrict", PASSES);
    String big = "{\"input\":{\"k\":\"" + "x".repeat(262_200) + "\"}}";
    JsonAnswer tooBig = request("POST", "/api/v1/state-machines/RestStrict/executions", big);
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.body().path("code").asText()).isEqualTo("ValidationException");
    assertThat(tooBig.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/input");

    JsonAnswer badName =
        request("POST", "/api/v1/state-machines/RestStrict/executions", "{\"name\":\"a b\"}");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body().path("code").asText()).isEqualTo("InvalidName");

    JsonAnswer unknownToken =
        request(
            "POST",
            "/api/v1/task-tokens/success",
            "{\"taskToken\":\""
                + new io.statecraft.workflows.TaskToken(
                        "RestStrict/none", "run", "abcdefghijklmnopqrstuvwxyz012345")
                    .encode()
                + "\",\"output\":{}}");
    assertThat(unknownToken.status()).isEqualTo(404);
    assertThat(unknownToken.body().path("code").asText()).isEqualTo("TaskDoesNotExist");
    JsonAnswer garbage =
        request("POST", "/api/v1/task-tokens/heartbeat", "{\"taskToken\":\"garbage\"}");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.body().path("code").asText()).isEqualTo("InvalidToken");
    JsonAnswer noOutput = request("POST", "/api/v1/task-tokens/success", "{\"taskToken\":\"t\"}");
    assertThat(noOutput.status()).isEqualTo(400);
    assertThat(noOutput.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/output");
  }

  @Test
  void completesAManualReviewThroughTheReviewInbox() throws Exception {
    JsonAnswer started =
        request(
            "POST",
            "/api/v1/state-machines/fraud-detection/executions",
            "{\"name\":\"rest-review\",\"input\":{\"transactionId\":\"t-rest\",\"accountId\":\"a-2\","
                + "\"amountCents\":250000,\"currency\":\"USD\",\"country\":\"FR\","
                + "\"homeCountry\":\"US\",\"merchantCategory\":\"books\"}}");
    assertThat(started.status()).isEqualTo(201);
    JsonNode review =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  for (JsonNode r :
                      get("/demo/fraud/reviews?status=PENDING").body().path("reviews")) {
                    if (r.path("transactionId").asText().equals("t-rest")) {
                      return r;
                    }
                  }
                  return null;
                },
                r -> r != null);
    JsonAnswer decided =
        request(
            "POST",
            "/demo/fraud/reviews/" + review.path("reviewId").asText() + "/decision",
            "{\"approve\":false,\"reviewer\":\"grace\",\"note\":\"too risky\"}");
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.body().path("status").asText()).isEqualTo("DECLINED");
    JsonNode done = awaitStatus("fraud-detection", "rest-review", "SUCCEEDED");
    assertThat(done.path("output").path("decision").asText()).isEqualTo("DECLINED");

    JsonAnswer again =
        request(
            "POST",
            "/demo/fraud/reviews/" + review.path("reviewId").asText() + "/decision",
            "{\"approve\":true}");
    assertThat(again.status()).isEqualTo(409);
    JsonAnswer taskGone =
        request(
            "POST",
            "/api/v1/task-tokens/success",
            "{\"taskToken\":\"" + review.path("taskToken").asText() + "\",\"output\":{}}");
    assertThat(taskGone.status()).isEqualTo(409);
    assertThat(taskGone.body().path("code").asText()).isEqualTo("TaskTimedOut");
  }

  @Test
  void testsOneState() throws Exception {
    JsonAnswer choice =
        request(
            "POST",
            "/api/v1/test-state",
            "{\"definition\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\","
                + "\"NumericGreaterThan\":1,\"Next\":\"Big\"}],\"Default\":\"Small\"},"
                + "\"input\":{\"n\":5}}");
    assertThat(choice.status()).isEqualTo(200);
    assertThat(choice.body().path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(choice.body().path("nextState").asText()).isEqualTo("Big");
    assertThat(choice.body().path("output")).isEqualTo(json.readTree("{\"n\":5}"));

    JsonAnswer assigned =
        request(
            "POST",
            "/api/v1/test-state",
            "{\"definition\":{\"Type\":\"Pass\",\"QueryLanguage\":\"JSONata\","
                + "\"Assign\":{\"total\":\"{% $x + 1 %}\"},\"End\":true},"
                + "\"variables\":{\"x\":41}}");
    assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
    assertThat(assigned.body().path("variables").path("total").asInt()).isEqualTo(42);

    JsonAnswer broken =
        request("POST", "/api/v1/test-state", "{\"definition\":{\"Type\":\"Pass\",\"Bogus\":1}}");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body().path("code").asText()).isEqualTo("InvalidDefinition");
  }
}
