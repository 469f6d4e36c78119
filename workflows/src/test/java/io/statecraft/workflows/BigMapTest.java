package io.statecraft.workflows;

import static io.statecraft.workflows.support.Definitions.activity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.workflows.ports.Json;
import io.statecraft.workflows.support.TemporalHistories;
import io.statecraft.workflows.testing.StatecraftTestKit;
import io.temporal.api.history.v1.History;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Large Map states run in batch child workflows, and every history stays bounded. Scaled down for
 * the suite ({@code -Dstatecraft.map.items=100000} runs the full size).
 */
class BigMapTest {

  static final int ITEMS = Integer.getInteger("statecraft.map.items", 20_000);
  static final HistoryLimits LIMITS = new HistoryLimits(1_000, 5_000, 10, 50, 200, 20, 25_000);

  static StatecraftTestKit kit;
  static TemporalHistories histories;

  public static final class Tasks {
    @AslTask("Square")
    public Map<String, Object> square(JsonNode n) {
      if (n.asInt() % 7 == 3 && n.asInt() > 100) {
        throw TaskError.of("Square.Refused", "no squares of " + n.asInt());
      }
      return Map.of("square", n.asInt() * n.asInt());
    }
  }

  @BeforeAll
  static void start() {
    kit =
        StatecraftTestKit.builder()
            .tasks(new Tasks())
            .settings(WorkerSettings.on(StatecraftTestKit.TASK_QUEUE).withLimits(LIMITS))
            .build();
    histories =
        new TemporalHistories(
            kit.environment().getWorkflowServiceStubs(), kit.environment().getNamespace());
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  static String numbers(int n) {
    ArrayNode items = Json.NODES.arrayNode();
    for (int i = 0; i < n; i++) {
      items.add(i);
    }
    return items.toString();
  }

  @Test
  void aLargeInlineMapRunsInBatchesAndKeepsEveryHistoryBounded() {
    String definition =
        """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":0,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Double","States":{
            "Double":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($, $)"},"End":true}}},
          "ResultSelector":{"count.$":"States.ArrayLength($)","last.$":"$[-1:]"},
          "End":true}}}
        """;
    StatecraftTestKit.Execution execution = kit.start("BigMap", definition, numbers(ITEMS));
    StatecraftTestKit.Result result = execution.await();

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().path("count").asInt()).isEqualTo(ITEMS);
    assertThat(result.output().path("last").get(0).path("n").asInt()).isEqualTo(2 * (ITEMS - 1));

    History parent = histories.runs(execution.workflowId()).get(0);
    List<String> batches = TemporalHistories.children(parent);
    assertThat(batches)
        .hasSize((ITEMS + 99) / 100)
        .allMatch(id -> id.startsWith(execution.workflowId() + "/r1f1-Each/"));
    assertThat(histories.longestHistory(execution.workflowId())).isLessThan(10_000);
    // AWS fails an execution at 25,000 events; the iterations beyond the cap leave no events.
    assertThat(result.history()).hasSizeLessThanOrEqualTo(LIMITS.maxBranchEventsInHistory() + 10);
    assertThat(result.history())
        .extracting(HistoryEvent::type)
        .startsWith(
            HistoryEventType.ExecutionStarted,
            HistoryEventType.MapStateEntered,
            HistoryEventType.MapStateStarted,
            HistoryEventType.MapIterationStarted)
        .endsWith(
            HistoryEventType.MapStateSucceeded,
            HistoryEventType.MapStateExited,
            HistoryEventType.ExecutionSucceeded);
  }

  @Test
  void tasksInBatchesRunAsActivitiesAndAFailedItemFailsTheInlineMap() {
    String definition =
        """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":25,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Square","States":{
            "Square":{"Type":"Task","Resource":"%s","End":true}}},
          "Catch":[{"ErrorEquals":["Square.Refused"],"Next":"Refused"}],
          "End":true},"Refused":{"Type":"Pass","End":true}}}
        """
            .formatted(activity("Square"));
    StatecraftTestKit.Result fine = kit.run("BigMap", definition, numbers(100));
    assertThat(fine.output()).hasSize(100);
    assertThat(fine.output().get(99).path("square").asInt()).isEqualTo(9801);

    StatecraftTestKit.Result refused = kit.run("BigMap", definition, numbers(300));
    assertThat(refused.output().path("Error").asText()).isEqualTo("Square.Refused");
  }

  @Test
  void aDistributedMapToleratesFailuresAndKeepsItsChildrensEventsOutOfTheHistory() {
    String definition =
        """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","ToleratedFailureCount":40,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"Square","States":{"Square":{"Type":"Task","Resource":"%s","End":true}}},
          "End":true}}}
        """
            .formatted(activity("Square"));
    StatecraftTestKit.Result result = kit.run("BigMap", definition, numbers(300));
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    long failed = 0;
    for (JsonNode item : result.output()) {
      if (item.has("Error")) {
        failed++;
      }
    }
    long refused =
        java.util.stream.IntStream.range(0, 300).filter(n -> n > 100 && n % 7 == 3).count();
    assertThat(failed).isEqualTo(refused).isEqualTo(29);
    assertThat(result.history())
        .extracting(HistoryEvent::type)
        .contains(HistoryEventType.MapRunStarted, HistoryEventType.MapRunSucceeded)
        .doesNotContain(HistoryEventType.MapIterationStarted, HistoryEventType.TaskStateEntered);

    String strict =
        definition.replace("\"ToleratedFailureCount\":40,", "\"ToleratedFailureCount\":10,");
    StatecraftTestKit.Result exceeded = kit.run("BigMap", strict, numbers(300));
    assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
  }
}
