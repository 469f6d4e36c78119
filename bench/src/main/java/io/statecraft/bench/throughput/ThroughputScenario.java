package io.statecraft.bench.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.bench.Mode;
import io.statecraft.bench.Scenario;
import io.statecraft.bench.ScenarioContext;
import io.statecraft.bench.measure.Concurrently;
import io.statecraft.bench.measure.Samples;
import io.statecraft.bench.platform.AwsJsonClient;
import io.statecraft.bench.platform.PlatformProcess;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.temporal.BenchTasks;
import io.statecraft.bench.temporal.BenchTemporal;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.WorkerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code throughput}: executions per second end to end, for ten Pass states and for the
 * order-processing example, at concurrency 1, 10 and 50, through a {@code StatecraftClient} in this
 * process and through the platform's AWS protocol over HTTP.
 */
public final class ThroughputScenario implements Scenario {

  public static final String NAME = "throughput";

  static final List<String> MACHINES = List.of("pass10", "order_processing");
  static final List<String> MODES = List.of("in_process", "http");
  static final int[] CONCURRENCY = {1, 10, 50};

  /** How often the HTTP side asks DescribeExecution whether an execution ended. */
  static final long POLL_MILLIS = 10;

  private static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(120);

  /** Executions measured per concurrency level, and warm-up executions per machine and mode. */
  record Plan(int[] executions, int warmup) {
    static Plan of(Mode mode) {
      return mode == Mode.QUICK
          ? new Plan(new int[] {5, 20, 50}, 5)
          : new Plan(new int[] {50, 300, 1000}, 100);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "executions/s end to end for pass10 and order-processing at concurrency 1, 10 and 50,"
        + " in process and over the AWS protocol";
  }

  @Override
  public List<String> figureNames() {
    List<String> names = new ArrayList<>();
    for (String machine : MACHINES) {
      for (String mode : MODES) {
        for (int c : CONCURRENCY) {
          String prefix = NAME + "." + machine + "." + mode + ".c" + c;
          names.add(prefix + ".eps");
          names.add(prefix + ".p50_ms");
          names.add(prefix + ".p99_ms");
        }
      }
    }
    return List.copyOf(names);
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return mode == Mode.QUICK ? 35 : 150;
  }

  /** Runs one execution of a machine to its end; {@code index} makes its name unique. */
  private interface Runner {
    void run(int index) throws Exception;
  }

  @Override
  public ScenarioReport run(ScenarioContext context) throws Exception {
    Plan plan = Plan.of(context.mode());
    Map<String, String> definitions = new LinkedHashMap<>();
    definitions.put("pass10", Machines.passChain(10));
    definitions.put("order_processing", Machines.orderProcessing());
    Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
    String run = Long.toString(System.currentTimeMillis(), 36);
    inputs.put("pass10", i -> "{\"n\":" + i + "}");
    inputs.put("order_processing", i -> Machines.order("o-" + run + "-" + i));

    List<Figure> figures = new ArrayList<>();
    Map<String, Figure[]> cells = new LinkedHashMap<>();

    try (BenchTemporal temporal = BenchTemporal.start(BenchTasks.tuning())) {
      temporal.statecraftWorker(WorkerSettings.defaults(), BenchTasks.dispatcher());
      temporal.startWorkers();
      StatecraftClient client = temporal.statecraftClient(WorkerSettings.DEFAULT_TASK_QUEUE);
      for (String machine : MACHINES) {
        String definition = definitions.get(machine);
        IntFunction<String> input = inputs.get(machine);
        String smName = "bench-" + machine.replace('_', '-');
        String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:" + smName;
        Runner runner =
            i -> {
              String name = run + "-" + i;
              ExecutionRequest request =
                  ExecutionRequest.start(
                      arn,
                      smName,
                      "arn:aws:states:us-east-1:123456789012:execution:" + smName + ":" + name,
                      name,
                      null,
                      Instant.now(),
                      input.apply(i),
                      definition);
              client.start(request);
              StatecraftClient.ExecutionDescription d =
                  client.awaitClose(request.workflowId(), EXECUTION_TIMEOUT);
              if (d.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException(
                    name + " of " + machine + " ended " + d.status() + ": " + d.cause());
              }
            };
        measure(context, plan, machine, "in_process", runner, cells);
      }
    }

    PlatformProcess platform = context.platform().get(context::log);
    AwsJsonClient aws = new AwsJsonClient(platform.base());
    for (String machine : MACHINES) {
      String arn =
          aws.createStateMachine(
              "bench-" + machine.replace('_', '-') + "-" + run, definitions.get(machine));
      IntFunction<String> input = inputs.get(machine);
      Runner runner =
          i -> {
            String executionArn = aws.startExecution(arn, "h" + i, input.apply(100_000_000 + i));
            JsonNode d = aws.awaitEnd(executionArn, POLL_MILLIS, EXECUTION_TIMEOUT);
            if (!"SUCCEEDED".equals(d.path("status").asText())) {
              throw new IllegalStateException(executionArn + " ended " + d);
            }
          };
      measure(context, plan, machine, "http", runner, cells);
    }

    for (String machine : MACHINES) {
      for (String mode : MODES) {
        for (int c : CONCURRENCY) {
          for (Figure f : cells.get(machine + "." + mode + ".c" + c)) {
            figures.add(f);
          }
        }
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("concurrency", List.of(1, 10, 50));
    parameters.put(
        "executions_per_level",
        List.of(plan.executions()[0], plan.executions()[1], plan.executions()[2]));
    parameters.put("warmup_executions", plan.warmup());
    parameters.put("describe_poll_ms", POLL_MILLIS);
    parameters.put("worker_tuning", BenchTasks.tuningName());
    List<String> notes =
        List.of(
            "in_process: a StatecraftClient in the runner starts each execution and waits for its"
                + " end (awaitClose); the worker runs in the same JVM, the Temporal test server in"
                + " a JVM of its own (real time, loopback gRPC).",
            "http: the platform jar (api/target/statecraft.jar) runs as a child process with its"
                + " embedded Temporal server and its own worker; each execution is StartExecution"
                + " then DescribeExecution every "
                + POLL_MILLIS
                + " ms until it leaves RUNNING (the example uses activity ARNs, which AWS does not"
                + " allow in EXPRESS machines, so StartSyncExecution does not apply to it).",
            "order_processing is examples/order-processing.asl.json with the instant demo tasks"
                + " (validate, reserve and charge in parallel, ship).",
            "eps is executions completed over the wall time of the level; p50/p99 are per"
                + " execution, start to end as the client saw it.");
    return new ScenarioReport(NAME, description(), parameters, figures, notes, 0);
  }

  private static void measure(
      ScenarioContext context,
      Plan plan,
      String machine,
      String mode,
      Runner runner,
      Map<String, Figure[]> cells)
      throws InterruptedException {
    int[] index = {0};
    Concurrently.Result warm = Concurrently.count(10, plan.warmup(), i -> runner.run(i));
    failOnErrors(warm, machine + " " + mode + " warm-up");
    index[0] = plan.warmup();
    for (int level = 0; level < CONCURRENCY.length; level++) {
      int c = CONCURRENCY[level];
      int offset = index[0];
      Concurrently.Result r =
          Concurrently.count(c, plan.executions()[level], i -> runner.run(offset + i));
      index[0] += plan.executions()[level];
      failOnErrors(r, machine + " " + mode + " c" + c);
      String prefix = NAME + "." + machine + "." + mode + ".c" + c;
      Samples s = r.latencies();
      Map<String, Number> stats = Map.of("executions", r.completed());
      cells.put(
          machine + "." + mode + ".c" + c,
          new Figure[] {
            new Figure(
                prefix + ".eps",
                Samples.round(r.perSecond(), 1),
                "executions/s",
                stats,
                null,
                machine + " executions per second, " + mode + ", " + c + " at a time."),
            Figure.of(
                prefix + ".p50_ms",
                Samples.round(s.median(), 1),
                "ms",
                "Median latency of one "
                    + machine
                    + " execution, "
                    + mode
                    + ", "
                    + c
                    + " at a time."),
            Figure.of(
                prefix + ".p99_ms",
                Samples.round(s.p99(), 1),
                "ms",
                "99th percentile latency, " + machine + ", " + mode + ", " + c + " at a time.")
          });
      context.log(
          "throughput: "
              + machine
              + " "
              + mode
              + " c"
              + c
              + ": "
              + Figure.format(r.perSecond())
              + " executions/s, median "
              + Figure.format(s.median())
              + " ms");
    }
  }

  static void failOnErrors(Concurrently.Result r, String what) {
    if (r.errors() > 0) {
      throw new IllegalStateException(
          what + ": " + r.errors() + " execution(s) failed; the first: " + r.firstError(),
          r.firstError());
    }
  }
}
