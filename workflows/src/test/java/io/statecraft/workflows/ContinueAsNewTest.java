package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Asl;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.workflows.ports.Json;
import io.statecraft.workflows.support.TemporalHistories;
import io.statecraft.workflows.testing.StatecraftTestKit;
import io.temporal.api.history.v1.History;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * History stays bounded: a long loop continues as new at state boundaries, carrying its state,
 * variables and context, and its history reads as one. Sizes are scaled down for the suite ({@code
 * -Dstatecraft.loop.iterations=100000} runs the full size) with low limits that force many runs.
 */
class ContinueAsNewTest {

  static final int WAIT_LOOP = Integer.getInteger("statecraft.loop.iterations", 400);
  static final int PASS_LOOP = Integer.getInteger("statecraft.loop.passIterations", 3_000);
  static final HistoryLimits LIMITS = new HistoryLimits(300, 600, 40, 100, 500, 20, 25_000);

  static StatecraftTestKit kit;
  static TemporalHistories histories;

  @BeforeAll
  static void start() {
    kit =
        StatecraftTestKit.builder()
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

  static String loop(int iterations, boolean wait) {
    return """
        {"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Parameters":{"i":0},"Assign":{"sum":0},"Next":"Check"},
          "Check":{"Type":"Choice","Choices":[
            {"Variable":"$.i","NumericGreaterThanEquals":%d,"Next":"Done"}],"Default":"%s"},
          %s
          "Step":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},
            "Assign":{"sum.$":"States.MathAdd($sum, $.i)"},"Next":"Check"},
          "Done":{"Type":"Pass","Parameters":{"i.$":"$.i","sum.$":"$sum",
            "name.$":"$$.Execution.Name","start.$":"$$.Execution.StartTime",
            "input.$":"$$.Execution.Input"},"End":true}}}
        """
        .formatted(
            iterations,
            wait ? "Pause" : "Step",
            wait ? "\"Pause\":{\"Type\":\"Wait\",\"Seconds\":1,\"Next\":\"Step\"}," : "");
  }

  @Test
  void aChoiceWaitLoopContinuesAsNewWithItsStateVariablesAndContext() {
    StatecraftTestKit.Execution execution = kit.start("Loop", loop(WAIT_LOOP, true), "{\"x\":1}");
    StatecraftTestKit.Result result = execution.await();

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = result.output();
    assertThat(out.path("i").asInt()).isEqualTo(WAIT_LOOP);
    assertThat(out.path("sum").asLong()).isEqualTo((long) WAIT_LOOP * (WAIT_LOOP + 1) / 2);
    assertThat(out.path("name").asText()).isEqualTo(execution.request().executionName());
    assertThat(out.path("start").asText()).isEqualTo(execution.request().startTime());
    assertThat(out.path("input").toString()).isEqualTo("{\"x\":1}");

    List<History> runs = histories.runs(execution.workflowId());
    assertThat(runs).hasSizeGreaterThan(3);
    assertThat(runs)
        .allSatisfy(
            h ->
                assertThat(h.getEventsCount())
                    .isLessThan(LIMITS.continueAfterHistoryEvents() + 60));
    assertThat(histories.longestHistory(execution.workflowId())).isLessThan(10_000);
    assertContiguous(result.history());
  }

  @Test
  void aPassChoiceLoopThatAddsNothingToTemporalsHistoryContinuesByItsOwnEvents() {
    StatecraftTestKit.Execution execution = kit.start("Loop", loop(PASS_LOOP, false), "{}");
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.output().path("i").asInt()).isEqualTo(PASS_LOOP);
    assertThat(result.output().path("sum").asLong())
        .isEqualTo((long) PASS_LOOP * (PASS_LOOP + 1) / 2);
    List<History> runs = histories.runs(execution.workflowId());
    int expectedRuns = (4 * PASS_LOOP) / LIMITS.continueAfterExecutionEvents();
    assertThat(runs.size()).isBetween(expectedRuns - 2, expectedRuns + 2);
    assertThat(execution.progress().run()).isEqualTo(runs.size());
    assertContiguous(result.history());
  }

  @Test
  void theHistoryAcrossRunsIsTheHistoryOfOneUninterruptedRun() {
    String definition = loop(120, true);
    StatecraftTestKit.Result onTemporal = kit.run("Loop", definition, "{}");
    InMemoryRunner.Run inMemory =
        new InMemoryRunner().start(Asl.read(definition), Json.parse("{}"));
    assertThat(shape(onTemporal.history())).isEqualTo(shape(inMemory.history()));
  }

  static List<String> shape(List<HistoryEvent> events) {
    return events.stream()
        .map(e -> e.id() + "<" + e.previousEventId() + " " + e.type() + " " + e.name())
        .toList();
  }

  static void assertContiguous(List<HistoryEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).id()).isEqualTo(i + 1L);
    }
  }
}
