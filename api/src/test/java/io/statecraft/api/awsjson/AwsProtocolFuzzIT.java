package io.statecraft.api.awsjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.api.PlatformITBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action served, fed malformed, truncated, wrongly typed, deeply nested and oversized bodies:
 * every answer is a 4xx in AWS's shape, and the service stays healthy.
 */
class AwsProtocolFuzzIT extends PlatformITBase {

  static final List<String> ACTIONS =
      List.of(
          "CreateStateMachine",
          "UpdateStateMachine",
          "DescribeStateMachine",
          "ListStateMachines",
          "DeleteStateMachine",
          "ValidateStateMachineDefinition",
          "PublishStateMachineVersion",
          "ListStateMachineVersions",
          "DeleteStateMachineVersion",
          "CreateStateMachineAlias",
          "DescribeStateMachineAlias",
          "ListStateMachineAliases",
          "UpdateStateMachineAlias",
          "DeleteStateMachineAlias",
          "TagResource",
          "UntagResource",
          "ListTagsForResource",
          "StartExecution",
          "StartSyncExecution",
          "DescribeExecution",
          "DescribeStateMachineForExecution",
          "ListExecutions",
          "StopExecution",
          "GetExecutionHistory",
          "SendTaskSuccess",
          "SendTaskFailure",
          "SendTaskHeartbeat",
          "TestState");

  static final List<String> BAD_BODIES =
      List.of(
          "{",
          "}",
          "[]",
          "null",
          "true",
          "\"text\"",
          "{\"stateMachineArn\":",
          "{\"name\":1,\"definition\":2,\"roleArn\":3}",
          "{\"stateMachineArn\":[\"a\"],\"resourceArn\":{},\"stateMachineAliasArn\":false}",
          "{\"maxResults\":-1}",
          "{\"maxResults\":1.5}",
          "{\"unexpected\":true}",
          "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:\\u0000\"}",
          "{\"tags\":[{\"key\":null}],\"resourceArn\":\"x\"}",
          "{\"routingConfiguration\":[],\"name\":\"a\"}",
          "\u0000\u0001\u0002",
          "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
          "{\"maxResults\":" + "1".repeat(2000) + "}",
          "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:a:b:c:d\"}",
          "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:x\"}",
          "{\"taskToken\":\"sc1.\",\"output\":\"{}\"}",
          "{\"taskToken\":\"sc1.a.b.c\",\"output\":\"not json\"}",
          "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:NoSuch\","
              + "\"input\":\"{\\\"a\\\":"
              + "[".repeat(5000)
              + "\"}",
          "{\"definition\":\"{\\\"Type\\\":\\\"Pass\\\"}\",\"variables\":\"[1]\"}",
          "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:a:b\","
              + "\"maxResults\":5000}");

  final HttpClient http = HttpClient.newHttpClient();

  static Stream<String> actions() {
    return ACTIONS.stream();
  }

  int post(String action, byte[] body) throws Exception {
    HttpResponse<String> response = send(action, HttpRequest.BodyPublishers.ofByteArray(body));
    assertThat(response.body()).as(action).contains("\"__type\"").contains("\"message\"");
    return response.statusCode();
  }

  @ParameterizedTest
  @MethodSource("actions")
  void badBodiesGetA4xxOnEveryAction(String action) throws Exception {
    for (String body : BAD_BODIES) {
      int status = post(action, body.getBytes(StandardCharsets.UTF_8));
      assertThat(status).as(action + " with " + abbreviate(body)).isBetween(400, 499);
    }
  }

  @Test
  void randomMutationsOfValidRequestsNeverAnswer5xx() throws Exception {
    Random random = new Random(20261125L);
    String valid =
        "{\"name\":\"Fuzz\",\"definition\":\"{\\\"StartAt\\\":\\\"A\\\",\\\"States\\\":{\\\"A\\\":"
            + "{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\",\"roleArn\":"
            + "\"arn:aws:iam::123456789012:role/r\",\"type\":\"STANDARD\",\"publish\":true}";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] body = valid.getBytes(StandardCharsets.UTF_8);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(body.length);
        switch (random.nextInt(3)) {
          case 0 -> body[at] = (byte) random.nextInt(256);
          case 1 -> body = java.util.Arrays.copyOf(body, at);
          default -> body[at] = (byte) "{}[]\":,0x\\".charAt(random.nextInt(10));
        }
        if (body.length == 0) {
          break;
        }
      }
      String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
      int status = post(action, body);
      statuses.add(status);
      assertThat(status)
          .as(action + " with " + abbreviate(new String(body, StandardCharsets.UTF_8)))
          .isLessThan(500);
    }
    assertThat(statuses).contains(400);
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  /** Deeply nested and huge-numbered JSON, as a whole body, inside a definition and as input. */
  static final List<String> HOSTILE_JSON =
      List.of(
          "[".repeat(10_000) + "]".repeat(10_000),
          "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
          "{\"n\":1e400}",
          "{\"n\":-1e400}",
          "{\"n\":" + "7".repeat(10_000) + "}",
          "{\"n\":0." + "1".repeat(10_000) + "}");

  @Test
  void hostileJsonAnywhereGetsA4xxOrACorrectRunAndNeverHangsTheService() throws Exception {
    int tried = 0;
    for (String action : ACTIONS) {
      for (String hostile : HOSTILE_JSON) {
        int status = post(action, hostile.getBytes(StandardCharsets.UTF_8));
        assertThat(status).as(action + " with " + abbreviate(hostile)).isBetween(400, 499);
        tried++;
      }
    }
    String machine =
        "arn:aws:states:us-east-1:123456789012:stateMachine:"
            + post200(
                    "CreateStateMachine",
                    "{\"name\":\"Hostile\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
                        + "\"definition\":\"{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":"
                        + "{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\"}")
                .replaceAll(".*stateMachine:([^\"]+)\".*", "$1");
    int n = 0;
    for (String hostile : HOSTILE_JSON) {
      String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(hostile);
      // Inside a definition: a Pass state's Result.
      String definition =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsString(
                  "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":"
                      + hostile
                      + ",\"End\":true}}}");
      int created =
          answer(
              "CreateStateMachine",
              ("{\"name\":\"Hostile"
                      + (++n)
                      + "\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"definition\":"
                      + definition
                      + "}")
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(created).as("definition with " + abbreviate(hostile)).isIn(200, 400);
      int validated =
          answer(
              "ValidateStateMachineDefinition",
              ("{\"definition\":" + definition + "}").getBytes(StandardCharsets.UTF_8));
      assertThat(validated).as("validating " + abbreviate(hostile)).isIn(200, 400);
      // As execution input: refused, or run to its end.
      HttpResponse<String> started =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                  .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                  .header("Content-Type", "application/x-amz-json-1.0")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"stateMachineArn\":\""
                              + machine
                              + "\",\"name\":\"hostile-"
                              + n
                              + "\",\"input\":"
                              + quoted
                              + "}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).as("input " + abbreviate(hostile)).isIn(200, 400);
      if (started.statusCode() == 200) {
        String arn = started.body().replaceAll(".*\"executionArn\":\"([^\"]+)\".*", "$1");
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(30))
            .until(
                () ->
                    !post200("DescribeExecution", "{\"executionArn\":\"" + arn + "\"}")
                        .contains("\"RUNNING\""));
      } else {
        assertThat(started.body()).contains("\"message\"");
      }
      tried += 3;
    }
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(tried).isEqualTo(ACTIONS.size() * HOSTILE_JSON.size() + 3 * HOSTILE_JSON.size());
  }

  /** The status; a 4xx must come in AWS's error shape, anything else must be a 200. */
  int answer(String action, byte[] body) throws Exception {
    HttpResponse<String> response = send(action, HttpRequest.BodyPublishers.ofByteArray(body));
    if (response.statusCode() != 200) {
      assertThat(response.body()).as(action).contains("\"__type\"").contains("\"message\"");
    }
    return response.statusCode();
  }

  String post200(String action, String body) throws Exception {
    HttpResponse<String> response = send(action, HttpRequest.BodyPublishers.ofString(body));
    assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  /** Sends one AWS protocol request for {@code action}. */
  HttpResponse<String> send(String action, HttpRequest.BodyPublisher body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
            .header("X-Amz-Target", "AWSStepFunctions." + action)
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String abbreviate(String body) {
    return body.length() > 80 ? body.substring(0, 80) + "..." : body;
  }
}
