package io.statecraft.bench.load;

import io.statecraft.bench.Mode;
import io.statecraft.bench.Scenario;
import io.statecraft.bench.ScenarioContext;
import io.statecraft.bench.measure.Samples;
import io.statecraft.bench.platform.AwsJsonClient;
import io.statecraft.bench.platform.PlatformProcess;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.report.Target;
import io.statecraft.bench.throughput.Machines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code load}: 50 clients each starting an execution and describing it, again and again, against
 * the running platform jar over the AWS protocol; every request is timed and every failure counted.
 */
public final class LoadScenario implements Scenario {

  public static final String NAME = "load";

  static final int CLIENTS = 50;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "50 clients starting and describing executions over the AWS protocol against the"
        + " platform jar";
  }

  @Override
  public List<String> figureNames() {
    return List.of(NAME + ".throughput_rps", NAME + ".p50_ms", NAME + ".p99_ms", NAME + ".errors");
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return (int) seconds(mode) + 5;
  }

  static double seconds(Mode mode) {
    return mode == Mode.QUICK ? 10 : 60;
  }

  @Override
  public ScenarioReport run(ScenarioContext context) throws Exception {
    double seconds = seconds(context.mode());
    PlatformProcess platform = context.platform().get(context::log);
    AwsJsonClient aws = new AwsJsonClient(platform.base());
    String run = Long.toString(System.currentTimeMillis(), 36);
    String arn = aws.createStateMachine("bench-load-" + run, Machines.passChain(10));

    Samples latencies = new Samples();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger starts = new AtomicInteger();
    AtomicLong sequence = new AtomicLong();
    List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    context.log("load: " + CLIENTS + " clients for " + Figure.format(seconds) + " s");
    long begin = System.nanoTime();
    long end = begin + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    String executionArn = null;
                    long t0 = System.nanoTime();
                    try {
                      executionArn =
                          aws.startExecution(
                              arn, "l" + sequence.incrementAndGet(), "{\"load\":true}");
                      starts.incrementAndGet();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      note(firstErrors, e);
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    requests.incrementAndGet();
                    if (executionArn == null) {
                      continue;
                    }
                    long t1 = System.nanoTime();
                    try {
                      aws.describeExecution(executionArn);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      note(firstErrors, e);
                    }
                    latencies.add((System.nanoTime() - t1) / 1e6);
                    requests.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    double rps = requests.get() / elapsed;
    context.log(
        "load: "
            + requests.get()
            + " requests, "
            + Figure.format(rps)
            + " per second, "
            + errors.get()
            + " errors");

    List<Figure> figures = new ArrayList<>();
    Map<String, Number> stats = new LinkedHashMap<>();
    stats.put("requests", requests.get());
    stats.put("executions_started", starts.get());
    figures.add(
        new Figure(
            NAME + ".throughput_rps",
            Samples.round(rps, 1),
            "requests/s",
            stats,
            null,
            "StartExecution and DescribeExecution requests answered per second, 50 clients."));
    figures.add(
        Figure.of(
            NAME + ".p50_ms",
            Samples.round(latencies.median(), 1),
            "ms",
            "Median latency of one request (StartExecution or DescribeExecution)."));
    figures.add(
        Figure.of(
            NAME + ".p99_ms",
            Samples.round(latencies.p99(), 1),
            "ms",
            "99th percentile latency of one request."));
    figures.add(
        Figure.of(
                NAME + ".errors",
                errors.get(),
                "requests",
                "Requests answered with a non-2xx status or failed in transport.")
            .withTarget(Target.atMost(0)));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("clients", CLIENTS);
    parameters.put("seconds", seconds);
    parameters.put("state_machine", "pass10");
    List<String> notes = new ArrayList<>();
    notes.add(
        "Each client loops: StartExecution of a 10-Pass-state STANDARD machine with a new name,"
            + " then DescribeExecution of that execution (usually still RUNNING); unsigned"
            + " requests, authentication off, no rate limit configured.");
    notes.add(
        "The platform runs its API, its embedded Temporal server and its worker in one JVM on the"
            + " same two cores as the 50 clients; the executions started keep running while the"
            + " clients send more.");
    if (!firstErrors.isEmpty()) {
      notes.add("First errors: " + String.join(" | ", firstErrors));
    }
    return new ScenarioReport(NAME, description(), parameters, figures, notes, 0);
  }

  private static void note(List<String> firstErrors, Exception e) {
    synchronized (firstErrors) {
      if (firstErrors.size() < 3) {
        firstErrors.add(String.valueOf(e.getMessage()));
      }
    }
  }
}
