package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.workflows.support.TemporalHistories;
import io.statecraft.workflows.testing.StatecraftTestKit;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import org.junit.jupiter.api.Test;

/**
 * An activity type's task queue is recorded once per run, when it is first routed: not once per
 * Task state (each marker is an event in the history and work for the server on every task).
 */
class TaskRouteRecordingTest {

  public static final class Tasks {
    @AslTask("Echo")
    public JsonNode echo(JsonNode input) {
      return input;
    }

    @AslTask("Other")
    public JsonNode other(JsonNode input) {
      return input;
    }
  }

  @Test
  void aRouteIsRecordedOncePerActivityTypeAndRun() {
    String definition =
        """
        {"StartAt":"A","States":{
          "A":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Echo","Next":"B"},
          "B":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Echo","Next":"C"},
          "C":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Other","Next":"D"},
          "D":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Echo","End":true}}}
        """;
    try (StatecraftTestKit kit = StatecraftTestKit.builder().tasks(new Tasks()).build()) {
      StatecraftTestKit.Execution execution = kit.start("Routes", definition, "{\"n\":1}");
      StatecraftTestKit.Result result = execution.await();
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      TemporalHistories histories =
          new TemporalHistories(
              kit.environment().getWorkflowServiceStubs(), kit.environment().getNamespace());
      long routeMarkers =
          histories.history(execution.workflowId(), null).getEventsList().stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
              .filter(TaskRouteRecordingTest::isMutableSideEffect)
              .count();
      long activities =
          histories.history(execution.workflowId(), null).getEventsList().stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
              .count();
      assertThat(activities).isEqualTo(4);
      // Echo and Other: one marker each, however many Task states use them.
      assertThat(routeMarkers).isEqualTo(2);
    }
  }

  private static boolean isMutableSideEffect(HistoryEvent e) {
    return e.getMarkerRecordedEventAttributes().getMarkerName().equals("MutableSideEffect");
  }
}
