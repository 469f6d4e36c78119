package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.workflows.StatecraftClientException.Reason;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code .waitForTaskToken}: SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat and refusals. */
class CallbacksTest {

  static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();
  static StatecraftTestKit kit;

  public static final class Tasks {
    @AslTask("HandOut")
    public Map<String, Object> handOut(JsonNode input) {
      TOKENS.add(input.path("token").asText());
      return Map.of("queued", true);
    }

    @AslTask("AnswerAtOnce")
    public Map<String, Object> answerAtOnce(JsonNode input) {
      kit.client()
          .sendTaskSuccess(input.path("token").asText(), "{\"answeredBy\":\"the task itself\"}");
      return Map.of("queued", false);
    }
  }

  @BeforeAll
  static void start() {
    kit =
        StatecraftTestKit.builder()
            .tasks(new Tasks())
            .settings(
                WorkerSettings.on(StatecraftTestKit.TASK_QUEUE)
                    .withLimits(new HistoryLimits(5_000, 5_000, 0, 2, 10, 10, 25_000)))
            .build();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  static String definition(String function, String timeouts) {
    return """
        {"StartAt":"Review","States":{
          "Review":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters":{"FunctionName":"%s","Payload":{"token.$":"$$.Task.Token"}},%s
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
          "Caught":{"Type":"Pass","End":true}}}
        """
        .formatted(function, timeouts);
  }

  static String nextToken() throws InterruptedException {
    String token = TOKENS.poll(30, TimeUnit.SECONDS);
    assertThat(token).as("the task handed out its token").isNotNull().startsWith("sc1.");
    return token;
  }

  @Test
  void sendTaskSuccessCompletesTheStateWithItsOutput() throws Exception {
    StatecraftTestKit.Execution execution = kit.start("Callbacks", definition("HandOut", ""), "{}");
    String token = nextToken();
    assertThat(TaskToken.decode(token).workflowId()).isEqualTo(execution.workflowId());
    assertThat(execution.progress().currentStates()).containsExactly("Review");
    kit.client().sendTaskSuccess(token, "{\"decision\":\"APPROVED\"}");
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.output().toString()).isEqualTo("{\"decision\":\"APPROVED\"}");
    assertRefused(() -> kit.client().sendTaskSuccess(token, "{}"), Reason.TASK_TIMED_OUT);
  }

  @Test
  void sendTaskFailureFailsTheStateWithTheGivenErrorForCatch() throws Exception {
    StatecraftTestKit.Execution execution = kit.start("Callbacks", definition("HandOut", ""), "{}");
    kit.client().sendTaskFailure(nextToken(), "Review.Rejected", "not this one");
    assertThat(execution.await().output().toString())
        .isEqualTo("{\"Error\":\"Review.Rejected\",\"Cause\":\"not this one\"}");
  }

  @Test
  void heartbeatsKeepTheTaskAliveUntilTheyStop() throws Exception {
    StatecraftTestKit.Execution execution =
        kit.start(
            "Callbacks",
            definition("HandOut", "\"TimeoutSeconds\":3600,\"HeartbeatSeconds\":60,"),
            "{}");
    String token = nextToken();
    kit.environment().sleep(Duration.ofSeconds(50));
    kit.client().sendTaskHeartbeat(token);
    kit.environment().sleep(Duration.ofSeconds(50));
    assertThat(execution.progress().currentStates()).containsExactly("Review");
    kit.client().sendTaskHeartbeat(token);
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.output().path("Error").asText()).isEqualTo("States.HeartbeatTimeout");
    Duration waited = between(result, HistoryEventType.TaskStarted, HistoryEventType.TaskTimedOut);
    assertThat(waited).isBetween(Duration.ofSeconds(160), Duration.ofSeconds(175));
  }

  @Test
  void timeoutSecondsEndsTheWait() throws Exception {
    StatecraftTestKit.Execution execution =
        kit.start("Callbacks", definition("HandOut", "\"TimeoutSeconds\":300,"), "{}");
    nextToken();
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.output().path("Error").asText()).isEqualTo("States.Timeout");
    Duration waited = between(result, HistoryEventType.TaskStarted, HistoryEventType.TaskTimedOut);
    assertThat(waited).isBetween(Duration.ofSeconds(299), Duration.ofSeconds(305));
  }

  @Test
  void aCallbackMayArriveBeforeTheTaskThatHandedOutTheTokenReturns() {
    StatecraftTestKit.Result result = kit.run("Callbacks", definition("AnswerAtOnce", ""), "{}");
    assertThat(result.output().toString()).isEqualTo("{\"answeredBy\":\"the task itself\"}");
  }

  @Test
  void unknownMalformedAndInvalidCallbacksAreRefusedWithAwsErrors() throws Exception {
    StatecraftTestKit.Execution execution = kit.start("Callbacks", definition("HandOut", ""), "{}");
    String token = nextToken();
    TaskToken parsed = TaskToken.decode(token);
    String forged = new TaskToken(parsed.workflowId(), parsed.runId(), "A".repeat(32)).encode();
    String otherRun = new TaskToken(parsed.workflowId(), "another-run", parsed.nonce()).encode();
    String noExecution = new TaskToken("Callbacks/none", parsed.runId(), parsed.nonce()).encode();
    assertRefused(() -> kit.client().sendTaskSuccess(forged, "{}"), Reason.TASK_DOES_NOT_EXIST);
    assertRefused(() -> kit.client().sendTaskHeartbeat(otherRun), Reason.TASK_TIMED_OUT);
    assertRefused(
        () -> kit.client().sendTaskFailure(noExecution, "E", "c"), Reason.TASK_DOES_NOT_EXIST);
    assertRefused(() -> kit.client().sendTaskSuccess("token:Review#1", "{}"), Reason.INVALID_TOKEN);
    assertRefused(() -> kit.client().sendTaskSuccess(token, "{not json"), Reason.INVALID_OUTPUT);
    kit.client().sendTaskSuccess(token, "{\"late\":false}");
    assertThat(execution.await().output().toString()).isEqualTo("{\"late\":false}");
  }

  @Test
  void tasksInAMapBatchAreCompletedThroughTheBatchWorkflow() throws Exception {
    String definition =
        """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemProcessor":{
          "ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Review","States":{
          "Review":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters":{"FunctionName":"HandOut","Payload":{"token.$":"$$.Task.Token"}},
            "End":true}}},"End":true}}}
        """;
    StatecraftTestKit.Execution execution = kit.start("Callbacks", definition, "[1,2,3]");
    for (int i = 0; i < 3; i++) {
      String token = nextToken();
      assertThat(TaskToken.decode(token).workflowId())
          .startsWith(execution.workflowId() + "/r1f1-Each/");
      kit.client().sendTaskSuccess(token, "{\"n\":" + i + "}");
    }
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output()).hasSize(3);
  }

  private static Duration between(
      StatecraftTestKit.Result result, HistoryEventType from, HistoryEventType to) {
    return Duration.between(time(result, from), time(result, to));
  }

  private static Instant time(StatecraftTestKit.Result result, HistoryEventType type) {
    HistoryEvent event =
        result.history().stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    return Timestamps.parse(event.timestamp()).orElseThrow();
  }

  private static void assertRefused(ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatecraftClientException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
