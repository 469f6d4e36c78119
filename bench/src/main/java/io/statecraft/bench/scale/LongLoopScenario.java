package io.statecraft.bench.scale;

import io.statecraft.bench.Mode;
import io.statecraft.bench.Scenario;
import io.statecraft.bench.ScenarioContext;
import io.statecraft.bench.measure.Samples;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.report.Target;
import io.statecraft.bench.temporal.BenchTasks;
import io.statecraft.bench.temporal.HistoryWalk;
import io.statecraft.workflows.HistoryLimits;
import io.statecraft.workflows.StatecraftClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code long_loop}: a Choice/Pass loop of many iterations in one execution: how long it takes, how
 * often the execution continued as new, and its largest run's history.
 */
public final class LongLoopScenario implements Scenario {

  public static final String NAME = "long_loop";

  static int iterations(Mode mode) {
    return mode == Mode.QUICK ? 10_000 : 100_000;
  }

  /** Counts $.i up to $.n: a Choice and a Pass per iteration. */
  static final String DEFINITION =
      """
      {"StartAt":"Check","States":{
        "Check":{"Type":"Choice","Choices":[
          {"Variable":"$.i","NumericLessThanPath":"$.n","Next":"Increment"}],"Default":"Done"},
        "Increment":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","n.$":"$.n"},
          "Next":"Check"},
        "Done":{"Type":"Succeed"}}}
      """;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a Choice/Pass loop in one execution: time, continue-as-new count, largest history";
  }

  @Override
  public List<String> figureNames() {
    return List.of(
        NAME + ".seconds",
        NAME + ".iterations_per_second",
        NAME + ".continue_as_new_count",
        NAME + ".largest_history_events");
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return mode == Mode.QUICK ? 8 : 15;
  }

  @Override
  public ScenarioReport run(ScenarioContext context) throws Exception {
    int n = iterations(context.mode());
    try (InProcess p = new InProcess()) {
      context.log("long_loop: " + n + " iterations");
      long t0 = System.nanoTime();
      StatecraftClient.StartedExecution started =
          p.start("bench-loop", "loop", DEFINITION, "{\"i\":0,\"n\":" + n + "}");
      StatecraftClient.ExecutionDescription d =
          p.awaitSuccess(started.workflowId(), Duration.ofHours(1));
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (!d.output().contains("\"i\":" + n)) {
        throw new IllegalStateException("the loop ended with " + d.output() + ", not i = " + n);
      }
      HistoryWalk walk = HistoryWalk.of(p.temporal, started.workflowId(), started.runId());
      context.log(
          "long_loop: "
              + Figure.format(seconds)
              + " s, "
              + walk.continuedAsNew()
              + " continue-as-new, largest history "
              + walk.largestHistory());
      List<Figure> figures = new ArrayList<>();
      figures.add(
          Figure.of(
              NAME + ".seconds",
              Samples.round(seconds, 2),
              "s",
              "Start to end of one execution looping " + n + " times."));
      figures.add(
          Figure.of(
              NAME + ".iterations_per_second",
              Samples.round(n / seconds, 1),
              "iterations/s",
              "Loop iterations (a Choice and a Pass state) per second."));
      figures.add(
          Figure.of(
              NAME + ".continue_as_new_count",
              walk.continuedAsNew(),
              "runs",
              "Times the execution continued as a new Temporal run."));
      Map<String, Number> stats = new LinkedHashMap<>();
      stats.put("runs", walk.runs());
      stats.put("total_events", walk.totalEvents());
      figures.add(
          new Figure(
              NAME + ".largest_history_events",
              walk.largestHistory(),
              "events",
              stats,
              Target.atMost(MapScaleScenario.HISTORY_TARGET),
              "The most Temporal events in any one run of the execution."));
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("iterations", n);
      parameters.put("states_per_iteration", 2);
      parameters.put(
          "continue_after_execution_events", HistoryLimits.DEFAULTS.continueAfterExecutionEvents());
      parameters.put(
          "continue_after_history_events", HistoryLimits.DEFAULTS.continueAfterHistoryEvents());
      parameters.put("worker_tuning", BenchTasks.tuningName());
      List<String> notes =
          List.of(
              "The test server never suggests continue-as-new; the workflows module's"
                  + " HistoryLimits decide: Pass and Choice states add no Temporal events, but"
                  + " two execution events each, so a run continues after "
                  + HistoryLimits.DEFAULTS.continueAfterExecutionEvents()
                  + " execution events.");
      return new ScenarioReport(NAME, description(), parameters, figures, notes, 0);
    }
  }
}
