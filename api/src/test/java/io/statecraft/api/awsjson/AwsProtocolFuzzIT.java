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
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("X-Amz-Target", "AWSStepFunctions." + action)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
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

  static String abbreviate(String body) {
    return body.length() > 80 ? body.substring(0, 80) + "..." : body;
  }
}
