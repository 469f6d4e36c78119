package io.statecraft.workflows.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.workflows.support.TemporalHistories;
import io.statecraft.workflows.testing.StatecraftTestKit;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link Scenarios}, writes every Temporal history they produced (each run of each
 * workflow, child workflows included) to {@code target/recorded-histories/}, and replays them on
 * the current code. To re-record the committed histories after a deliberate change (behind a {@code
 * Changes} id, see {@code versioning}): run this test and copy {@code
 * workflows/target/recorded-histories/*} to {@code workflows/src/test/resources/histories/}.
 */
class HistoryRecordingTest {

  static final Path OUT = Path.of("target/recorded-histories");

  @Test
  void everyScenarioRecordsHistoriesThatReplay() throws Exception {
    Files.createDirectories(OUT);
    try (var files = Files.list(OUT)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
    ObjectNode index = new ObjectMapper().createObjectNode();
    List<String> names = new ArrayList<>();
    try (StatecraftTestKit kit =
        StatecraftTestKit.builder()
            .settings(Scenarios.SETTINGS)
            .tasks(new Scenarios.Tasks(tokens))
            .stateMachine("Child", Scenarios.CHILD)
            .build()) {
      TemporalHistories histories =
          new TemporalHistories(
              kit.environment().getWorkflowServiceStubs(), kit.environment().getNamespace());
      for (Scenarios.Scenario scenario : Scenarios.all()) {
        StatecraftTestKit.Execution execution =
            kit.start("Scenario", scenario.name(), scenario.definition(), scenario.input());
        scenario
            .whileRunning()
            .accept(
                new Scenarios.Run() {
                  public StatecraftTestKit kit() {
                    return kit;
                  }

                  public StatecraftTestKit.Execution execution() {
                    return execution;
                  }

                  public String nextToken() throws InterruptedException {
                    return tokens.poll(30, TimeUnit.SECONDS);
                  }
                });
        execution.await();
        List<String> workflows = new ArrayList<>(List.of(execution.workflowId()));
        int n = 0;
        for (int i = 0; i < workflows.size(); i++) {
          String workflowId = workflows.get(i);
          for (History run : histories.runs(workflowId)) {
            workflows.addAll(TemporalHistories.children(run));
            String name = scenario.name() + "-" + (++n) + ".json";
            Files.writeString(
                OUT.resolve(name), new WorkflowExecutionHistory(run, workflowId).toJson(true));
            index.put(name, workflowId);
            names.add(name);
            assertThat(run.getEvents(run.getEventsCount() - 1).getEventType())
                .isNotEqualTo(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
          }
        }
      }
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(OUT.resolve("index.json").toFile(), index);
    assertThat(names)
        .anyMatch(n -> n.startsWith("batched-map-2"))
        .anyMatch(n -> n.startsWith("distributed-map-2"))
        .anyMatch(n -> n.startsWith("continue-as-new-3"))
        .anyMatch(n -> n.startsWith("start-execution-sync-2"));
    ReplayTest.replayAll(OUT);
  }
}
