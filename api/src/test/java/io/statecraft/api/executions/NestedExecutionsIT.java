package io.statecraft.api.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.PlatformITBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A {@code states:startExecution.sync:2} Task run by the platform: the child is a registered state
 * machine, started through the registry as an execution of its own, and its output comes back in
 * AWS's shape.
 */
class NestedExecutionsIT extends PlatformITBase {

  static final String CHILD =
      """
      {"StartAt":"Greet","States":{
        "Greet":{"Type":"Pass","Result":"hello","ResultPath":"$.greeting","End":true}}}""";
  static final String PARENT =
      """
      {"StartAt":"Call","States":{"Call":{"Type":"Task",
        "Resource":"arn:aws:states:::states:startExecution.sync:2",
        "Parameters":{
          "StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:NestedChild",
          "Name":"called-by-parent","Input":{"n.$":"$.n"}},
        "ResultSelector":{"output.$":"$.Output","status.$":"$.Status","arn.$":"$.ExecutionArn"},
        "End":true}}}""";

  final ObjectMapper json = new ObjectMapper();

  JsonNode send(String method, String path, String body, int expected) throws Exception {
    JsonAnswer answer = request(method, path, body);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(expected);
    return answer.body();
  }

  JsonNode awaitEnd(String machine, String execution) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                send(
                    "GET",
                    "/api/v1/state-machines/" + machine + "/executions/" + execution,
                    null,
                    200),
            body -> !body.path("status").asText().equals("RUNNING"));
  }

  @Test
  void aTaskStartsARegisteredStateMachineAndWaitsForItsOutput() throws Exception {
    for (String[] machine : new String[][] {{"NestedChild", CHILD}, {"NestedParent", PARENT}}) {
      send(
          "POST",
          "/api/v1/state-machines",
          "{\"name\":\"" + machine[0] + "\",\"definition\":" + machine[1] + "}",
          201);
    }
    send(
        "POST",
        "/api/v1/state-machines/NestedParent/executions",
        "{\"name\":\"p-1\",\"input\":{\"n\":7}}",
        201);

    JsonNode parent = awaitEnd("NestedParent", "p-1");
    assertThat(parent.path("status").asText()).as(parent.toString()).isEqualTo("SUCCEEDED");
    assertThat(parent.path("output"))
        .isEqualTo(
            json.readTree(
                """
                {"output":{"n":7,"greeting":"hello"},"status":"SUCCEEDED",
                 "arn":"arn:aws:states:us-east-1:123456789012:execution:NestedChild:called-by-parent"}
                """));

    // The child is an execution of its own state machine, with its own record.
    JsonNode child = awaitEnd("NestedChild", "called-by-parent");
    assertThat(child.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(child.path("input")).isEqualTo(json.readTree("{\"n\":7}"));
    assertThat(child.path("output")).isEqualTo(json.readTree("{\"n\":7,\"greeting\":\"hello\"}"));
  }
}
