package io.statecraft.api.awsjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.PlatformITBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and broken requests on the AWS protocol endpoint: 4xx in AWS's shape, never a 5xx. */
class AwsProtocolBadInputIT extends PlatformITBase {

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  record Answer(int status, String type, String message, String raw) {}

  Answer post(String target, byte[] body, boolean chunked)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
            .header("Content-Type", "application/x-amz-json-1.0");
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    request.POST(
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode node = json.readTree(response.body());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.0");
    assertThat(response.body()).doesNotContain("at io.statecraft", "Exception:", "\tat ");
    return new Answer(
        response.statusCode(),
        node.path("__type").asText(null),
        node.path("message").asText(null),
        response.body());
  }

  Answer post(String action, String body) throws IOException, InterruptedException {
    return post("AWSStepFunctions." + action, body.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void anUnknownOrMissingActionIsUnknownOperationException() throws Exception {
    Answer unknown = post("LaunchRockets", "{}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.type()).isEqualTo("UnknownOperationException");
    assertThat(unknown.message()).contains("LaunchRockets");

    Answer other =
        post("DynamoDB_20120810.ListTables", "{}".getBytes(StandardCharsets.UTF_8), false);
    assertThat(other.type()).isEqualTo("UnknownOperationException");

    Answer missing = post(null, "{}".getBytes(StandardCharsets.UTF_8), false);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.type()).isEqualTo("UnknownOperationException");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
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
        "TestState"
      })
  void executionActionsAreServedAndRequireTheirMembers(String action) throws Exception {
    Answer answer = post(action, "{}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("ValidationException");
    assertThat(answer.message()).contains("Member must not be null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "{\"name\": ",
        "{\"name\": \"x\"",
        "not json",
        "{}}",
        "[1,2",
        "\"str\"",
        "12",
        "{\"a\":1,}"
      })
  void malformedAndTruncatedBodiesAreSerializationExceptions(String body) throws Exception {
    Answer answer = post("CreateStateMachine", body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("SerializationException");
    assertThat(answer.message()).isNotBlank();
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutRecursion() throws Exception {
    String deep = "{\"definition\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    Answer answer = post("ValidateStateMachineDefinition", deep);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("SerializationException");
    assertThat(answer.message()).contains("nesting depth");

    String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    assertThat(post("ListStateMachines", deepObjects).status()).isEqualTo(400);
  }

  @Test
  void hostileDefinitionsAreReportedNotCrashedOn() throws Exception {
    List<String> definitions =
        List.of(
            "[".repeat(10_000) + "]".repeat(10_000),
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Wait\",\"Seconds\":"
                + "9".repeat(900)
                + ",\"End\":true}}}",
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":"
                + "{\"a\":".repeat(5000)
                + "1"
                + "}".repeat(5000)
                + ",\"End\":true}}}",
            "",
            "null",
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}" + "trailing");
    for (String definition : definitions) {
      String body = json.writeValueAsString(java.util.Map.of("definition", definition));
      Answer validated = post("ValidateStateMachineDefinition", body);
      assertThat(validated.status())
          .as(definition.substring(0, Math.min(40, definition.length())))
          .isIn(200, 400);
      if (validated.status() == 200) {
        assertThat(validated.raw()).contains("\"result\":\"FAIL\"");
      }
      String create =
          json.writeValueAsString(
              java.util.Map.of(
                  "name",
                  "Hostile",
                  "roleArn",
                  "arn:aws:iam::123456789012:role/r",
                  "definition",
                  definition));
      Answer created = post("CreateStateMachine", create);
      assertThat(created.status()).isEqualTo(400);
      assertThat(created.type()).isIn("InvalidDefinition", "ValidationException");
    }
  }

  @Test
  void hugeNumbersAreRefused() throws Exception {
    Answer tooLong = post("ListStateMachines", "{\"maxResults\": " + "9".repeat(5000) + "}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.type()).isEqualTo("SerializationException");

    Answer outOfRange = post("ListStateMachines", "{\"maxResults\": " + "9".repeat(40) + "}");
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.type()).isEqualTo("ValidationException");
    assertThat(outOfRange.message()).contains("'maxResults'");

    Answer exponent = post("ListStateMachines", "{\"maxResults\": 1e999999999}");
    assertThat(exponent.status()).isEqualTo(400);
  }

  @Test
  void unknownMembersWrongTypesAndMissingMembersAreValidationExceptions() throws Exception {
    Answer unknown = post("ListStateMachines", "{\"maxResults\": 1, \"colour\": \"red\"}");
    assertThat(unknown.type()).isEqualTo("ValidationException");
    assertThat(unknown.message()).contains("'colour'").contains("ListStateMachines");

    Answer wrongType = post("ListStateMachines", "{\"maxResults\": \"10\"}");
    assertThat(wrongType.type()).isEqualTo("ValidationException");
    assertThat(wrongType.message()).contains("'maxResults'").contains("integer");

    Answer wrongNested =
        post(
            "CreateStateMachineAlias",
            "{\"name\":\"a\",\"routingConfiguration\":[{\"stateMachineVersionArn\":\"x\",\"weight\":true}]}");
    assertThat(wrongNested.type()).isEqualTo("ValidationException");
    assertThat(wrongNested.message()).contains("routingConfiguration.0.weight");

    Answer missing = post("CreateStateMachine", "{\"name\": \"x\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.type()).isEqualTo("ValidationException");
    assertThat(missing.message())
        .startsWith("2 validation errors detected: ")
        .contains(
            "Value null at 'definition' failed to satisfy constraint: Member must not be null")
        .contains("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");

    Answer enumValue =
        post(
            "CreateStateMachine",
            "{\"name\":\"x\",\"definition\":\"{}\",\"roleArn\":\"r\",\"type\":\"FAST\"}");
    assertThat(enumValue.type()).isEqualTo("ValidationException");
    assertThat(enumValue.message()).contains("[STANDARD, EXPRESS]");
  }

  @Test
  void bodiesOverOneMebibyteAreRefusedWhetherDeclaredOrChunked() throws Exception {
    byte[] big = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Answer declared = post("AWSStepFunctions.ListStateMachines", big, false);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.type()).isEqualTo("RequestEntityTooLargeException");

    Answer chunked = post("AWSStepFunctions.ListStateMachines", big, true);
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.type()).isEqualTo("RequestEntityTooLargeException");
  }

  @Test
  void aDefinitionOverOneMebibyteIsRefused() throws Exception {
    String padding = " ".repeat(1024 * 1024);
    String body =
        json.writeValueAsString(
            java.util.Map.of(
                "name",
                "Huge",
                "roleArn",
                "arn:aws:iam::123456789012:role/r",
                "definition",
                padding + "{}"));
    Answer answer = post("CreateStateMachine", body);
    assertThat(answer.status()).isIn(400, 413);
    assertThat(answer.type()).isIn("ValidationException", "RequestEntityTooLargeException");
  }

  @Test
  void badArnsAreInvalidArn() throws Exception {
    for (String arn :
        new String[] {
          "nope",
          "arn:aws:states:us-east-1:123456789012:activity:x",
          "arn:aws:lambda:us-east-1:123456789012:stateMachine:x",
          "arn:aws:states:us-east-1:123456789012:stateMachine:bad name",
          "arn:aws:states:us-east-1:123456789012:stateMachine:x:0",
          "arn:aws:states:us-east-1:123456789012:stateMachine:x:1:2"
        }) {
      Answer answer =
          post(
              "DescribeStateMachine", "{\"stateMachineArn\":" + json.writeValueAsString(arn) + "}");
      assertThat(answer.status()).as(arn).isEqualTo(400);
      assertThat(answer.type()).as(arn).isEqualTo("InvalidArn");
    }
  }

  @Test
  void theServiceStaysHealthyAfterAbuse() throws Exception {
    for (int i = 0; i < 20; i++) {
      post("CreateStateMachine", "{\"name\":" + "[".repeat(2000));
    }
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");
  }
}
