package io.statecraft.workflows;

import static io.statecraft.workflows.support.Definitions.activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.builtin.HttpConnection;
import io.statecraft.activities.builtin.HttpInvokeActivity;
import io.statecraft.activities.builtin.HttpTaskSettings;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.workflows.support.LoopbackHttp;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each supported resource, run end to end on Temporal (the rules are in ResourceCatalog). */
class ResourcesTest {

  static final String CONNECTION = "arn:aws:events:us-east-1:123456789012:connection/test/none";

  public static final class Tasks {
    final List<JsonNode> messages = new CopyOnWriteArrayList<>();

    @AslTask("Echo")
    public Map<String, Object> echo(JsonNode input) {
      return Map.of("got", input);
    }

    @AslTask("Score")
    public Map<String, Object> score(JsonNode input) {
      return Map.of("score", input.path("amount").asInt() / 10);
    }

    @AslTask("Refuse")
    public Object refuse(JsonNode input) {
      throw TaskError.of("Custom.Refused", "refused " + input.path("id").asText());
    }

    @AslTask("SendMessage")
    public Map<String, Object> send(JsonNode input) {
      messages.add(input);
      return Map.of("MessageId", "m-" + messages.size());
    }
  }

  static final Tasks TASKS = new Tasks();
  static LoopbackHttp http;
  static StatecraftTestKit kit;

  @BeforeAll
  static void start() {
    http =
        new LoopbackHttp(
            request ->
                request.path().equals("/missing")
                    ? new LoopbackHttp.Response(404, "{\"message\":\"no such thing\"}")
                    : new LoopbackHttp.Response(
                        200,
                        "{\"method\":\""
                            + request.method()
                            + "\",\"body\":"
                            + (request.body().length == 0 ? "null" : request.bodyText())
                            + "}"));
    HttpInvokeActivity httpTask =
        new HttpInvokeActivity(
            HttpTaskSettings.builder()
                .allowPlainHttp(true)
                .connection(CONNECTION, HttpConnection.none())
                .build());
    kit =
        StatecraftTestKit.builder()
            .tasks(TASKS, httpTask)
            .settings(
                WorkerSettings.on(StatecraftTestKit.TASK_QUEUE)
                    .withResources(
                        ResourceCatalog.standard()
                            .withIntegration("arn:aws:states:::sqs:sendMessage", "SendMessage")))
            .stateMachine(
                "Child",
                """
                {"StartAt":"Answer","States":{"Answer":{"Type":"Pass",
                  "Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}
                """)
            .stateMachine(
                "FailingChild",
                """
                {"StartAt":"No","States":{"No":{"Type":"Fail","Error":"Child.Broke","Cause":"on purpose"}}}
                """)
            .build();
  }

  @AfterAll
  static void stop() {
    kit.close();
    http.close();
  }

  private static StatecraftTestKit.Result run(String states, String input) {
    return kit.run("Resources", "{\"StartAt\":\"T\",\"States\":{" + states + "}}", input);
  }

  @Test
  void anActivityArnRunsTheActivityOfItsNameWithTheEffectiveParameters() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\""
                + activity("Echo")
                + "\",\"Parameters\":{\"x.$\":\"$.a\"},\"End\":true}",
            "{\"a\":1}");
    assertThat(result.output().toString()).isEqualTo("{\"got\":{\"x\":1}}");
    assertThat(result.history())
        .extracting(HistoryEvent::type)
        .contains(
            HistoryEventType.ActivityScheduled,
            HistoryEventType.ActivityStarted,
            HistoryEventType.ActivitySucceeded);
  }

  @Test
  void aLambdaFunctionArnReturnsTheFunctionsResultUnwrapped() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:Score:live\",\"End\":true}",
            "{\"amount\":420}");
    assertThat(result.output().toString()).isEqualTo("{\"score\":42}");
    assertThat(result.history())
        .extracting(HistoryEvent::type)
        .contains(
            HistoryEventType.LambdaFunctionScheduled, HistoryEventType.LambdaFunctionSucceeded);
  }

  @Test
  void lambdaInvokeSendsThePayloadAndWrapsTheResultAsAwsDoes() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:Score:prod\","
                + "\"Payload\":{\"amount.$\":\"$.total\"}},"
                + "\"ResultSelector\":{\"score.$\":\"$.Payload.score\",\"status.$\":\"$.StatusCode\"},"
                + "\"End\":true}",
            "{\"total\":130}");
    assertThat(result.output().toString()).isEqualTo("{\"score\":13,\"status\":200}");
    JsonNode succeeded =
        result.history().stream()
            .filter(e -> e.type() == HistoryEventType.TaskSucceeded)
            .findFirst()
            .orElseThrow()
            .output();
    assertThat(succeeded.path("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(succeeded.path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(succeeded.path("SdkResponseMetadata").path("RequestId").asText()).hasSize(36);
  }

  @Test
  void lambdaInvokeWithTheEventTypeDoesNotWaitForTheFunction() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"Score\",\"InvocationType\":\"Event\","
                + "\"Payload\":{\"amount\":10}},\"End\":true}",
            "{}");
    assertThat(result.output().path("StatusCode").asInt()).isEqualTo(202);
    assertThat(result.output().path("Payload").asText()).isEmpty();
  }

  @Test
  void aTaskErrorIsTheAslErrorThatCatchSees() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"Refuse\",\"Payload\":{\"id\":\"r-1\"}},"
                + "\"Catch\":[{\"ErrorEquals\":[\"Custom.Refused\"],\"Next\":\"Caught\"}],"
                + "\"End\":true},\"Caught\":{\"Type\":\"Pass\",\"End\":true}",
            "{}");
    assertThat(result.output().toString())
        .isEqualTo("{\"Error\":\"Custom.Refused\",\"Cause\":\"refused r-1\"}");
  }

  @Test
  void httpInvokeCallsTheEndpointAndFailsWithTheStatusCodeError() {
    String task =
        "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::http:invoke\","
            + "\"Parameters\":{\"ApiEndpoint.$\":\"$.url\",\"Method\":\"POST\","
            + "\"Authentication\":{\"ConnectionArn\":\""
            + CONNECTION
            + "\"},\"RequestBody\":{\"n\":7}},"
            + "\"ResultSelector\":{\"status.$\":\"$.StatusCode\",\"body.$\":\"$.ResponseBody\"},"
            + "\"End\":true}";
    StatecraftTestKit.Result ok = run(task, "{\"url\":\"" + http.baseUrl() + "/things\"}");
    assertThat(ok.output().toString())
        .isEqualTo("{\"status\":200,\"body\":{\"method\":\"POST\",\"body\":{\"n\":7}}}");

    StatecraftTestKit.Result missing = run(task, "{\"url\":\"" + http.baseUrl() + "/missing\"}");
    assertThat(missing.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(missing.error()).isEqualTo("States.Http.StatusCode.404");
  }

  @Test
  void startExecutionStartsTheChildAndReturnsItsArn() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + StatecraftTestKit.stateMachineArn("Child")
                + "\",\"Name\":\"child-1\",\"Input\":{\"n\":4}},\"End\":true}",
            "{}");
    assertThat(result.output().path("ExecutionArn").asText())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Child:child-1");
    assertThat(result.output().path("StartDate").isNumber()).isTrue();
    StatecraftClient.ExecutionDescription child =
        kit.client().awaitClose("Child/child-1", java.time.Duration.ofMinutes(1));
    assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(child.output()).isEqualTo("{\"doubled\":8}");
  }

  @Test
  void startExecutionSyncReturnsTheChildsDescriptionWithOutputAsText() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + StatecraftTestKit.stateMachineArn("Child")
                + "\",\"Input\":{\"n.$\":\"$.n\"}},\"End\":true}",
            "{\"n\":5}");
    JsonNode out = result.output();
    assertThat(out.path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(out.path("Output").asText()).isEqualTo("{\"doubled\":10}");
    assertThat(out.path("Input").asText()).isEqualTo("{\"n\":5}");
    assertThat(out.path("Name").asText()).hasSize(36);
    assertThat(out.path("StateMachineArn").asText())
        .isEqualTo(StatecraftTestKit.stateMachineArn("Child"));
    assertThat(out.path("StopDate").asLong())
        .isGreaterThanOrEqualTo(out.path("StartDate").asLong());
  }

  @Test
  void startExecutionSync2ReturnsInputAndOutputAsJson() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::states:startExecution.sync:2\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + StatecraftTestKit.stateMachineArn("Child")
                + "\",\"Input\":{\"n\":6}},\"OutputPath\":\"$.Output\",\"End\":true}",
            "{}");
    assertThat(result.output().toString()).isEqualTo("{\"doubled\":12}");
  }

  @Test
  void aChildThatFailsFailsTheSyncTaskWithItsDescriptionAsCause() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + StatecraftTestKit.stateMachineArn("FailingChild")
                + "\"},\"End\":true}",
            "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("States.TaskFailed");
    assertThat(result.cause())
        .contains("\"Status\":\"FAILED\"")
        .contains("\"Error\":\"Child.Broke\"")
        .contains("\"Cause\":\"on purpose\"");
  }

  @Test
  void anUnknownStateMachineFailsWithTheIntegrationsError() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + StatecraftTestKit.stateMachineArn("Nope")
                + "\"},\"End\":true}",
            "{}");
    assertThat(result.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
  }

  @Test
  void anAddedIntegrationRunsItsActivity() {
    StatecraftTestKit.Result result =
        run(
            "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                + "\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody.$\":\"$.m\"},\"End\":true}",
            "{\"m\":\"hello\"}");
    assertThat(result.output().path("MessageId").asText()).startsWith("m-");
    assertThat(TASKS.messages)
        .anySatisfy(m -> assertThat(m.path("MessageBody").asText()).isEqualTo("hello"));
  }

  @Test
  void anUnsupportedResourceIsRefusedBeforeItRuns() {
    assertThatThrownBy(
            () ->
                kit.start(
                    "Resources",
                    "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                        + "\"Resource\":\"arn:aws:states:::dynamodb:putItem\",\"End\":true}}}",
                    "{}"))
        .hasMessageContaining("INVALID_RESOURCE")
        .hasMessageContaining("/States/T/Resource");
  }
}
