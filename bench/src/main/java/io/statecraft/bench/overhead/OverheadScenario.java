package io.statecraft.bench.overhead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.bench.Mode;
import io.statecraft.bench.Scenario;
import io.statecraft.bench.ScenarioContext;
import io.statecraft.bench.measure.Concurrently;
import io.statecraft.bench.measure.Samples;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.report.Target;
import io.statecraft.bench.temporal.BenchTasks;
import io.statecraft.bench.temporal.BenchTemporal;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionResult;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.ExecutionWorkflow;
import io.statecraft.workflows.WorkerSettings;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code overhead}: ten Task states through the interpreter workflow against a hand-written
 * Temporal workflow making the same ten activity calls with the same options, on one test server
 * and one worker, in alternating rounds.
 */
public final class OverheadScenario implements Scenario {

  public static final String NAME = "overhead";

  /** Task states (and activity calls) per execution. */
  static final int TASKS = 10;

  static final String LATENCY_RATIO = NAME + ".latency_ratio";
  static final String THROUGHPUT_RATIO = NAME + ".throughput_ratio";

  private static final int CONCURRENCY = 50;
  private static final String STATE_MACHINE = "overhead-ten-tasks";
  private static final String ARN =
      "arn:aws:states:us-east-1:123456789012:stateMachine:" + STATE_MACHINE;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The name of the {@code i}th Task state (from 1). */
  static String stateName(int i) {
    return String.format(java.util.Locale.ROOT, "Step%02d", i);
  }

  /** Ten Task states calling the no-op activity, without TimeoutSeconds or Retry. */
  static String definition() {
    var root = JSON.createObjectNode();
    root.put("StartAt", stateName(1));
    var states = root.putObject("States");
    for (int i = 1; i <= TASKS; i++) {
      var state = states.putObject(stateName(i));
      state.put("Type", "Task");
      state.put("Resource", BenchTasks.NOOP_RESOURCE);
      if (i < TASKS) {
        state.put("Next", stateName(i + 1));
      } else {
        state.put("End", true);
      }
    }
    return root.toString();
  }

  /** Sizes of a run. */
  record Plan(
      int warmup,
      int sequentialRounds,
      int perRound,
      int concurrentRounds,
      int perConcurrentRound) {
    static Plan of(Mode mode) {
      return mode == Mode.QUICK ? new Plan(10, 3, 5, 1, 100) : new Plan(100, 10, 20, 4, 500);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "10 Task states through the interpreter workflow vs a hand-written Temporal workflow"
        + " making the same 10 activity calls";
  }

  @Override
  public List<String> figureNames() {
    return List.of(
        LATENCY_RATIO,
        THROUGHPUT_RATIO,
        NAME + ".interpreted.median_ms",
        NAME + ".interpreted.p99_ms",
        NAME + ".hand_written.median_ms",
        NAME + ".hand_written.p99_ms",
        NAME + ".interpreted.c50_eps",
        NAME + ".hand_written.c50_eps",
        NAME + ".interpreted.history_events",
        NAME + ".hand_written.history_events");
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return mode == Mode.QUICK ? 15 : 560;
  }

  /** One side of the comparison: runs one execution to its end. */
  private interface Side {
    String run(String id) throws Exception;
  }

  @Override
  public ScenarioReport run(ScenarioContext context) throws Exception {
    Plan plan = Plan.of(context.mode());
    String definition = definition();
    try (BenchTemporal temporal = BenchTemporal.start(BenchTasks.tuning())) {
      Worker worker = temporal.statecraftWorker(WorkerSettings.defaults(), BenchTasks.dispatcher());
      worker.registerWorkflowImplementationTypes(HandWrittenWorkflowImpl.class);
      temporal.startWorkers();
      WorkflowClient client = temporal.client();
      String prefix = Long.toString(System.currentTimeMillis(), 36);
      AtomicLong ids = new AtomicLong();
      Side interpreted =
          name -> {
            ExecutionRequest request =
                ExecutionRequest.start(
                    ARN,
                    STATE_MACHINE,
                    "arn:aws:states:us-east-1:123456789012:execution:" + STATE_MACHINE + ":" + name,
                    name,
                    null,
                    Instant.now(),
                    "{}",
                    definition);
            ExecutionWorkflow stub =
                client.newWorkflowStub(ExecutionWorkflow.class, options(request.workflowId()));
            WorkflowClient.start(stub::run, request);
            ExecutionResult result = WorkflowStub.fromTyped(stub).getResult(ExecutionResult.class);
            if (result.status() != ExecutionStatus.SUCCEEDED) {
              throw new IllegalStateException("the interpreted execution ended " + result);
            }
            return request.workflowId();
          };
      JsonNode input = JSON.createObjectNode();
      Side handWritten =
          name -> {
            String id = "hand-written/" + name;
            HandWrittenWorkflow stub =
                client.newWorkflowStub(HandWrittenWorkflow.class, options(id));
            WorkflowClient.start(stub::run, input);
            WorkflowStub.fromTyped(stub).getResult(JsonNode.class);
            return id;
          };
      Side[] sides = {interpreted, handWritten};

      context.log("overhead: warming up with " + plan.warmup() + " executions of each");
      for (Side side : sides) {
        Concurrently.Result warm =
            Concurrently.count(
                CONCURRENCY, plan.warmup(), i -> side.run(prefix + "-w" + ids.incrementAndGet()));
        failOnErrors(warm, "the warm-up");
      }

      Samples[] latency = {new Samples(), new Samples()};
      for (int round = 0; round < plan.sequentialRounds(); round++) {
        for (int k = 0; k < 2; k++) {
          int s = (round + k) % 2; // A B, then B A: drift cancels out
          for (int i = 0; i < plan.perRound(); i++) {
            long t0 = System.nanoTime();
            sides[s].run(prefix + "-s" + ids.incrementAndGet());
            latency[s].add((System.nanoTime() - t0) / 1e6);
          }
        }
      }
      context.log(
          "overhead: sequential medians "
              + Figure.format(latency[0].median())
              + " ms interpreted, "
              + Figure.format(latency[1].median())
              + " ms hand-written");

      long[] done = new long[2];
      double[] seconds = new double[2];
      for (int round = 0; round < plan.concurrentRounds(); round++) {
        for (int k = 0; k < 2; k++) {
          int s = (round + k) % 2;
          Side side = sides[s];
          Concurrently.Result r =
              Concurrently.count(
                  CONCURRENCY,
                  plan.perConcurrentRound(),
                  i -> side.run(prefix + "-c" + ids.incrementAndGet()));
          failOnErrors(r, "a concurrent round");
          done[s] += r.completed();
          seconds[s] += r.wallSeconds();
        }
      }
      double[] eps = {done[0] / seconds[0], done[1] / seconds[1]};
      context.log(
          "overhead: at concurrency 50, "
              + Figure.format(eps[0])
              + " executions/s interpreted, "
              + Figure.format(eps[1])
              + " hand-written");

      String sampleId = interpreted.run(prefix + "-h" + ids.incrementAndGet());
      int interpretedEvents = totalEvents(temporal, sampleId);
      String handId = handWritten.run(prefix + "-h" + ids.incrementAndGet());
      int handEvents = totalEvents(temporal, handId);

      return report(plan, latency, eps, interpretedEvents, handEvents);
    }
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(WorkerSettings.DEFAULT_TASK_QUEUE)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }

  private static int totalEvents(BenchTemporal temporal, String workflowId) {
    return temporal.historyEvents(workflowId, "");
  }

  static void failOnErrors(Concurrently.Result r, String what) {
    if (r.errors() > 0) {
      throw new IllegalStateException(
          what + " had " + r.errors() + " failed execution(s); the first: " + r.firstError(),
          r.firstError());
    }
  }

  private ScenarioReport report(
      Plan plan, Samples[] latency, double[] eps, int interpretedEvents, int handEvents) {
    List<Figure> figures = new ArrayList<>();
    double latencyRatio = latency[0].median() / latency[1].median();
    double throughputRatio = eps[0] / eps[1];
    figures.add(
        Figure.of(
                LATENCY_RATIO,
                Samples.round(latencyRatio, 3),
                "ratio",
                "The interpreted execution's median latency over the hand-written one's,"
                    + " sequential executions.")
            .withTarget(Target.atMost(1.05)));
    figures.add(
        Figure.of(
                THROUGHPUT_RATIO,
                Samples.round(throughputRatio, 3),
                "ratio",
                "Interpreted executions per second over hand-written ones, 50 at a time.")
            .withTarget(Target.atLeast(0.95)));
    String[] side = {"interpreted", "hand_written"};
    String[] label = {"interpreted", "hand-written"};
    for (int s = 0; s < 2; s++) {
      figures.add(
          timing(
              NAME + "." + side[s] + ".median_ms",
              latency[s].median(),
              latency[s],
              "Median latency of one " + label[s] + " execution, start to result, sequential."));
      figures.add(
          timing(
              NAME + "." + side[s] + ".p99_ms",
              latency[s].p99(),
              latency[s],
              "99th percentile latency of one " + label[s] + " execution, sequential."));
    }
    for (int s = 0; s < 2; s++) {
      figures.add(
          Figure.of(
              NAME + "." + side[s] + ".c50_eps",
              Samples.round(eps[s], 1),
              "executions/s",
              label[s] + " executions completed per second, 50 clients each waiting for its own."));
    }
    figures.add(
        Figure.of(
            NAME + ".interpreted.history_events",
            interpretedEvents,
            "events",
            "Temporal history events of one interpreted execution."));
    figures.add(
        Figure.of(
            NAME + ".hand_written.history_events",
            handEvents,
            "events",
            "Temporal history events of one hand-written execution."));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("tasks_per_execution", TASKS);
    parameters.put("warmup_executions_per_side", plan.warmup());
    parameters.put("sequential_rounds", plan.sequentialRounds());
    parameters.put("sequential_executions_per_side_per_round", plan.perRound());
    parameters.put("concurrency", CONCURRENCY);
    parameters.put("concurrent_rounds", plan.concurrentRounds());
    parameters.put("concurrent_executions_per_side_per_round", plan.perConcurrentRound());
    parameters.put("worker_tuning", BenchTasks.tuningName());
    List<String> notes =
        List.of(
            "Both sides run on one Temporal test server (its own JVM, real time, loopback gRPC) and"
                + " one worker in the runner's JVM, with the same WorkflowOptions (id, task queue,"
                + " reuse policy) and the same ActivityOptions per call (task queue, summary,"
                + " StartToClose and ScheduleToClose of 99,999,999 s, one attempt, TRY_CANCEL);"
                + " the activity is the same no-op task of the same TaskDispatcher.",
            "A latency is start to result through the Temporal client (WorkflowClient.start, then"
                + " WorkflowStub.getResult); the interpreted side's input carries the definition.",
            "Rounds alternate A-B then B-A so that drift on the shared machine falls on both"
                + " sides; the throughput figures are executions over the summed wall time of each"
                + " side's rounds.");
    return new ScenarioReport(NAME, description(), parameters, figures, notes, 0);
  }

  private static Figure timing(String name, double value, Samples s, String description) {
    Map<String, Number> stats = new LinkedHashMap<>();
    stats.put("samples", s.size());
    return new Figure(name, Samples.round(value, 2), "ms", stats, null, description);
  }
}
