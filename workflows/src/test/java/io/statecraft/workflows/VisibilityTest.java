package io.statecraft.workflows;

import static io.statecraft.workflows.support.Definitions.activity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.workflows.support.TemporalHistories;
import io.statecraft.workflows.testing.StatecraftTestKit;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the Temporal Web UI shows: summaries with state names, search attributes, the state. */
class VisibilityTest {

  static final CountDownLatch STARTED = new CountDownLatch(1);
  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static StatecraftTestKit kit;

  public static final class Tasks {
    @AslTask("Hold")
    public Map<String, Object> hold(JsonNode input) throws InterruptedException {
      STARTED.countDown();
      RELEASE.await(30, TimeUnit.SECONDS);
      return Map.of("held", true);
    }
  }

  @BeforeAll
  static void start() {
    kit = StatecraftTestKit.builder().tasks(new Tasks()).build();
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    kit.close();
  }

  static final String DEFINITION =
      """
      {"StartAt":"Prepare","States":{
        "Prepare":{"Type":"Pass","Next":"Decide"},
        "Decide":{"Type":"Choice","Choices":[{"Variable":"$.go","BooleanEquals":true,"Next":"Hold"}],
          "Default":"Prepare"},
        "Hold":{"Type":"Task","Resource":"%s","Next":"Pause"},
        "Pause":{"Type":"Wait","Seconds":60,"Next":"Again"},
        "Again":{"Type":"Task","Resource":"%s","End":true}}}
      """
          .formatted(activity("Hold"), activity("Hold"));

  @Test
  void summariesSearchAttributesAndTheCurrentStateNameTheStates() throws Exception {
    StatecraftTestKit.Execution execution = kit.start("Visible", DEFINITION, "{\"go\":true}");
    assertThat(STARTED.await(30, TimeUnit.SECONDS)).isTrue();

    Map<String, Payload> attributes = searchAttributes(execution.workflowId());
    assertThat(keyword(attributes, "StatecraftStateMachineName")).isEqualTo("Visible");
    assertThat(keyword(attributes, "StatecraftExecutionName"))
        .isEqualTo(execution.request().executionName());
    assertThat(keyword(attributes, "StatecraftCurrentState")).isEqualTo("Hold");
    assertThat(execution.progress().currentStates()).containsExactly("Hold");

    RELEASE.countDown();
    execution.await();

    History history =
        new TemporalHistories(
                kit.environment().getWorkflowServiceStubs(), kit.environment().getNamespace())
            .history(execution.workflowId(), null);
    List<String> activitySummaries =
        summaries(history, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    assertThat(activitySummaries).containsExactly("Hold", "Again");
    assertThat(summaries(history, EventType.EVENT_TYPE_TIMER_STARTED))
        .containsExactly("Wait Pause");
    // Pass and Choice states never upsert: one upsert per state that blocks.
    assertThat(
            history.getEventsList().stream()
                .filter(
                    e ->
                        e.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES))
        .hasSize(3);
    assertThat(keyword(searchAttributes(execution.workflowId()), "StatecraftCurrentState"))
        .isEqualTo("Again");
  }

  private static List<String> summaries(History history, EventType type) {
    return history.getEventsList().stream()
        .filter(e -> e.getEventType() == type)
        .map(HistoryEvent::getUserMetadata)
        .map(
            m ->
                DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                    m.getSummary(), String.class, String.class))
        .toList();
  }

  private static Map<String, Payload> searchAttributes(String workflowId) {
    return kit.environment()
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(kit.environment().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getSearchAttributes()
        .getIndexedFieldsMap();
  }

  private static String keyword(Map<String, Payload> attributes, String name) {
    Payload payload = attributes.get(name);
    assertThat(payload).as(name).isNotNull();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
  }
}
