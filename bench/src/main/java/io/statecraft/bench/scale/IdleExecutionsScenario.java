package io.statecraft.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.bench.Mode;
import io.statecraft.bench.Scenario;
import io.statecraft.bench.ScenarioContext;
import io.statecraft.bench.measure.Concurrently;
import io.statecraft.bench.measure.Heap;
import io.statecraft.bench.measure.Samples;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.temporal.BenchTasks;
import io.statecraft.workflows.StatecraftClient;
import io.temporal.api.enums.v1.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code idle_executions}: many executions parked in one Wait state that ends at the same instant
 * for all of them: the worker heap each parked execution costs, and how long they take to resume
 * and finish together.
 */
public final class IdleExecutionsScenario implements Scenario {

  public static final String NAME = "idle_executions";

  static final String RESUMED_TASK = "Resumed";

  static final String DEFINITION =
      """
      {"StartAt":"Park","States":{
        "Park":{"Type":"Wait","TimestampPath":"$.at","Next":"Resume"},
        "Resume":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Resumed",
          "End":true}}}
      """;

  record Plan(int executions, int parkSeconds) {
    static Plan of(Mode mode) {
      return mode == Mode.QUICK ? new Plan(1_000, 10) : new Plan(10_000, 120);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "executions parked in a Wait state: worker heap per parked execution, time to resume"
        + " them together";
  }

  @Override
  public List<String> figureNames() {
    return List.of(
        NAME + ".heap_per_execution_kb", NAME + ".resume_seconds", NAME + ".start_per_second");
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return Plan.of(mode).parkSeconds() + (mode == Mode.QUICK ? 5 : 140);
  }

  @Override
  public ScenarioReport run(ScenarioContext context) throws Exception {
    Plan plan = Plan.of(context.mode());
    int n = plan.executions();
    CountDownLatch resumed = new CountDownLatch(n);
    AtomicLong lastResumed = new AtomicLong();
    try (InProcess p =
        new InProcess(
            BenchTasks.dispatcher(
                b ->
                    b.task(
                        RESUMED_TASK,
                        JsonNode.class,
                        (input, ctx) -> {
                          lastResumed.accumulateAndGet(System.nanoTime(), Math::max);
                          resumed.countDown();
                          return input;
                        })))) {
      // One execution first, so that class loading and JIT warm-up stay out of the baseline.
      StatecraftClient.StartedExecution warm =
          p.start("bench-idle", "warm", DEFINITION, "{\"at\":\"2000-01-01T00:00:00Z\"}");
      p.awaitSuccess(warm.workflowId(), Duration.ofMinutes(1));
      long before = Heap.usedAfterGc();
      Instant at = Instant.now().plusSeconds(plan.parkSeconds()).truncatedTo(ChronoUnit.SECONDS);
      String input = "{\"at\":\"" + at + "\"}";
      context.log("idle_executions: parking " + n + " executions until " + at);
      String[] ids = new String[n];
      Concurrently.Result starts =
          Concurrently.count(
              20, n, i -> ids[i] = p.start("bench-idle", "p" + i, DEFINITION, input).workflowId());
      if (starts.errors() > 0) {
        throw new IllegalStateException(
            starts.errors() + " executions did not start: " + starts.firstError(),
            starts.firstError());
      }
      // Parked: the last one started has its timer (workflow tasks are taken in order).
      awaitTimer(p, ids[n - 1], at);
      awaitTimer(p, ids[0], at);
      long parked = Heap.usedAfterGc();
      if (Instant.now().plusSeconds(1).isAfter(at)) {
        throw new IllegalStateException(
            "parking "
                + n
                + " executions took longer than the "
                + plan.parkSeconds()
                + " s planned; the resume time passed before the heap was measured");
      }
      long atNanos = System.nanoTime() + Duration.between(Instant.now(), at).toNanos();
      if (!resumed.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            resumed.getCount() + " of " + n + " executions did not resume within 10 minutes");
      }
      double resumeSeconds = (lastResumed.get() - atNanos) / 1e9;
      p.awaitSuccess(ids[n - 1], Duration.ofMinutes(1));
      double perExecutionKb = (parked - before) / 1024.0 / n;
      context.log(
          "idle_executions: "
              + Figure.format(perExecutionKb)
              + " KB of heap per parked execution; all resumed "
              + Figure.format(resumeSeconds)
              + " s after the instant");
      List<Figure> figures = new ArrayList<>();
      Map<String, Number> heap = new LinkedHashMap<>();
      heap.put("before_mb", Samples.round(before / 1048576.0, 1));
      heap.put("parked_mb", Samples.round(parked / 1048576.0, 1));
      figures.add(
          new Figure(
              NAME + ".heap_per_execution_kb",
              Samples.round(perExecutionKb, 2),
              "KB",
              heap,
              null,
              "Used heap of the worker's JVM after a full GC with all executions parked, less"
                  + " before, per execution."));
      figures.add(
          Figure.of(
              NAME + ".resume_seconds",
              Samples.round(resumeSeconds, 2),
              "s",
              "From the Wait's timestamp to the start of the last execution's next Task."));
      figures.add(
          Figure.of(
              NAME + ".start_per_second",
              Samples.round(starts.perSecond(), 1),
              "executions/s",
              "Executions started per second while parking them (20 clients)."));
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("executions", n);
      parameters.put("park_seconds", plan.parkSeconds());
      parameters.put("worker_tuning", BenchTasks.tuningName());
      parameters.put("workflow_cache_size", p.temporal.tuning().workflowCacheSize());
      parameters.put("virtual_workflow_threads", p.temporal.tuning().virtualWorkflowThreads());
      List<String> notes =
          List.of(
              "Every execution waits on TimestampPath for the same instant, then runs one Task"
                  + " whose worker side records when it ran.",
              "The heap is the runner's, where the worker runs; the test server has a JVM of its"
                  + " own. With the platform's tuning every parked execution stays in the workflow"
                  + " cache (its workflow state and a virtual thread's stack), so resuming needs"
                  + " no replay; with a smaller cache the heap per execution falls and resuming"
                  + " replays the evicted ones.");
      return new ScenarioReport(NAME, description(), parameters, figures, notes, 0);
    }
  }

  private static void awaitTimer(InProcess p, String workflowId, Instant at)
      throws InterruptedException {
    while (Instant.now().isBefore(at)) {
      boolean timer =
          p.temporal.history(workflowId, "").stream()
              .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED);
      if (timer) {
        return;
      }
      Thread.sleep(50);
    }
  }
}
