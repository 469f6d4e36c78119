package io.statecraft.bench.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.bench.Mode;
import io.statecraft.bench.Scenario;
import io.statecraft.bench.ScenarioContext;
import io.statecraft.bench.measure.Heap;
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
 * {@code map_scale}: an inline Map and a distributed Map over many items, each a no-op Task, at
 * MaxConcurrency 100: how long, how fast, the largest history any workflow of the run has, and the
 * worker's peak heap.
 */
public final class MapScaleScenario implements Scenario {

  public static final String NAME = "map_scale";

  static final List<String> KINDS = List.of("inline", "distributed");

  /** Temporal events one workflow run may hold (issue 7's target). */
  static final int HISTORY_TARGET = 10_000;

  static final int MAX_CONCURRENCY = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Items per Map. */
  static int items(Mode mode) {
    return mode == Mode.QUICK ? 1_000 : 100_000;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "an inline and a distributed Map of no-op Tasks at MaxConcurrency 100: time, items/s,"
        + " largest history, peak heap";
  }

  @Override
  public List<String> figureNames() {
    List<String> names = new ArrayList<>();
    for (String kind : KINDS) {
      names.add(NAME + "." + kind + ".seconds");
      names.add(NAME + "." + kind + ".items_per_second");
      names.add(NAME + "." + kind + ".largest_history_events");
      names.add(NAME + "." + kind + ".peak_heap_mb");
    }
    return List.copyOf(names);
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return mode == Mode.QUICK ? 25 : 2100;
  }

  /** A Map over {@code $.items} whose every item runs the no-op task. */
  static String definition(String kind) {
    var root = JSON.createObjectNode();
    root.put("StartAt", "Fan");
    var map = root.putObject("States").putObject("Fan");
    map.put("Type", "Map");
    map.put("ItemsPath", "$.items");
    map.put("MaxConcurrency", MAX_CONCURRENCY);
    var processor = map.putObject("ItemProcessor");
    var config = processor.putObject("ProcessorConfig");
    config.put("Mode", kind.equals("inline") ? "INLINE" : "DISTRIBUTED");
    if (!kind.equals("inline")) {
      config.put("ExecutionType", "STANDARD");
    }
    processor.put("StartAt", "Item");
    var item = processor.putObject("States").putObject("Item");
    item.put("Type", "Task");
    item.put("Resource", BenchTasks.NOOP_RESOURCE);
    item.put("End", true);
    map.putNull("ResultPath");
    map.put("End", true);
    return root.toString();
  }

  /** {@code {"items":[0,0,...]}}: one byte per item, so 100,000 items stay under 256 KiB. */
  static String input(int items) {
    StringBuilder sb = new StringBuilder(items * 2 + 16).append("{\"items\":[");
    for (int i = 0; i < items; i++) {
      sb.append(i == 0 ? "0" : ",0");
    }
    return sb.append("]}").toString();
  }

  @Override
  public ScenarioReport run(ScenarioContext context) throws Exception {
    int items = items(context.mode());
    String input = input(items);
    List<Figure> figures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("items", items);
    parameters.put("max_concurrency", MAX_CONCURRENCY);
    parameters.put("input_bytes", input.length());
    parameters.put("worker_tuning", BenchTasks.tuningName());
    HistoryLimits limits = HistoryLimits.DEFAULTS;
    parameters.put("items_per_batch", limits.itemsPerBatch());
    parameters.put("max_batches_per_map", limits.maxBatchesPerMap());
    parameters.put("max_running_batches", limits.maxRunningBatches());
    parameters.put("continue_after_history_events", limits.continueAfterHistoryEvents());
    for (String kind : KINDS) {
      try (InProcess p = new InProcess()) {
        long baseline = Heap.usedAfterGc();
        context.log("map_scale: " + kind + " Map over " + items + " items");
        double seconds;
        long peak;
        StatecraftClient.StartedExecution started;
        try (Heap.PeakSampler sampler = new Heap.PeakSampler()) {
          long t0 = System.nanoTime();
          started = p.start("bench-map-" + kind, kind, definition(kind), input);
          p.awaitSuccess(started.workflowId(), Duration.ofHours(2));
          seconds = (System.nanoTime() - t0) / 1e9;
          peak = sampler.peak();
        }
        HistoryWalk walk = HistoryWalk.of(p.temporal, started.workflowId(), started.runId());
        context.log(
            "map_scale: "
                + kind
                + " done in "
                + Figure.format(seconds)
                + " s; "
                + walk.runs()
                + " runs, largest history "
                + walk.largestHistory()
                + " events");
        String prefix = NAME + "." + kind;
        figures.add(
            Figure.of(
                prefix + ".seconds",
                Samples.round(seconds, 2),
                "s",
                "Start to end of one " + kind + " Map execution over " + items + " items."));
        figures.add(
            Figure.of(
                prefix + ".items_per_second",
                Samples.round(items / seconds, 1),
                "items/s",
                "Items completed per second over the whole execution."));
        Map<String, Number> stats = new LinkedHashMap<>();
        stats.put("runs", walk.runs());
        stats.put("workflows", walk.workflows());
        stats.put("continued_as_new", walk.continuedAsNew());
        stats.put("total_events", walk.totalEvents());
        figures.add(
            new Figure(
                prefix + ".largest_history_events",
                walk.largestHistory(),
                "events",
                stats,
                Target.atMost(HISTORY_TARGET),
                "The most Temporal events in any one run of the execution and of its batch"
                    + " child workflows (every run walked)."));
        Map<String, Number> heap = new LinkedHashMap<>();
        heap.put("baseline_mb", Samples.round(baseline / 1048576.0, 1));
        figures.add(
            new Figure(
                prefix + ".peak_heap_mb",
                Samples.round(peak / 1048576.0, 1),
                "MB",
                heap,
                null,
                "The largest used heap of the worker's JVM sampled every 20 ms during the run"
                    + " (garbage not yet collected included); baseline_mb is after a full GC"
                    + " before."));
      }
    }
    notes.add(
        "Each item is the no-op Task (one activity); the Map's ResultPath is null. The input is"
            + " {\"items\":[0,0,...]}: one digit per item keeps 100,000 items under AWS's 256 KiB"
            + " payload limit, as there is no ItemReader without external storage.");
    notes.add(
        "Each kind runs on a fresh test server (its own JVM) with the worker in the runner's JVM;"
            + " the worker's heap is the runner's heap.");
    if (context.quick()) {
      notes.add(
          "Quick mode runs "
              + items
              + " items per Map rather than 10,000, to keep all scenarios within the smoke run's"
              + " two minutes; the full run uses 100,000.");
    }
    return new ScenarioReport(NAME, description(), parameters, figures, notes, 0);
  }
}
