package io.statecraft.bench.jmh;

import io.statecraft.bench.Mode;
import io.statecraft.bench.ScenarioContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH benchmarks of one class in {@code SampleTime} mode and hands back, per benchmark
 * method, the distribution of the time one operation took and the bytes it allocated.
 *
 * <p>Every benchmark runs in JVMs forked for it, with the class path of this one (the runner's
 * jar), so that one benchmark's compiled code and garbage do not colour another's.
 */
public final class Jmh {

  /**
   * How one benchmark method measured, per operation.
   *
   * @param median the median time, in microseconds
   * @param p99 the 99th percentile, in microseconds
   * @param samples how many operations were timed
   * @param allocatedBytes the bytes allocated per operation (JMH's {@code gc.alloc.rate.norm}), or
   *     NaN when the JVM cannot tell
   */
  public record Measurement(double median, double p99, long samples, double allocatedBytes) {}

  /**
   * How long JMH measures in each mode.
   *
   * @param forks JVMs forked per benchmark
   * @param warmups warm-up iterations per fork
   * @param warmupSeconds length of each
   * @param iterations measured iterations per fork
   * @param iterationSeconds length of each
   */
  public record Plan(
      int forks, int warmups, int warmupSeconds, int iterations, int iterationSeconds) {

    /** A smoke run: one fork, two short warm-ups, two measured seconds. */
    public static final Plan QUICK = new Plan(1, 2, 1, 2, 1);

    /** The README run: three forks, each warmed for 10 s and measured for 10 s. */
    public static final Plan FULL = new Plan(3, 5, 2, 5, 2);

    public static Plan of(Mode mode) {
      return mode == Mode.QUICK ? QUICK : FULL;
    }

    /** About how long one benchmark method takes, JVM start-up included. */
    public int secondsPerBenchmark() {
      return forks * (warmups * warmupSeconds + iterations * iterationSeconds + 2);
    }

    /** The plan as report parameters. */
    public Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("jmh_mode", "SampleTime");
      p.put("jmh_forks", forks);
      p.put("jmh_warmup", warmups + " x " + warmupSeconds + " s");
      p.put("jmh_measurement", iterations + " x " + iterationSeconds + " s");
      return p;
    }
  }

  private Jmh() {}

  /**
   * Runs every benchmark method of {@code benchmarks} and returns their measurements by method
   * name, in JMH's order.
   */
  public static Map<String, Measurement> run(Class<?> benchmarks, ScenarioContext context)
      throws RunnerException {
    Plan plan = Plan.of(context.mode());
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(benchmarks.getName()) + "\\.")
            .mode(org.openjdk.jmh.annotations.Mode.SampleTime)
            .timeUnit(TimeUnit.MICROSECONDS)
            .forks(plan.forks())
            .warmupIterations(plan.warmups())
            .warmupTime(TimeValue.seconds(plan.warmupSeconds()))
            .measurementIterations(plan.iterations())
            .measurementTime(TimeValue.seconds(plan.iterationSeconds()))
            .threads(1)
            .shouldFailOnError(true)
            .addProfiler(GCProfiler.class)
            .verbosity(context.verbose() ? VerboseMode.NORMAL : VerboseMode.SILENT);
    if (Runtime.version().feature() >= 23) {
      // JMH reads fields through sun.misc.Unsafe, about which JDK 24+ warns in every fork.
      options.jvmArgsAppend("--sun-misc-unsafe-memory-access=allow");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    if (results.isEmpty()) {
      throw new IllegalStateException(
          "JMH found no benchmarks in "
              + benchmarks.getName()
              + ": is META-INF/BenchmarkList in the jar (the JMH annotation processor must run)?");
    }
    Map<String, Measurement> out = new LinkedHashMap<>();
    for (RunResult r : results) {
      BenchmarkParams params = r.getParams();
      String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      Statistics stats = r.getPrimaryResult().getStatistics();
      if (stats.getN() == 0) {
        throw new IllegalStateException("JMH timed no operation of " + params.getBenchmark());
      }
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      out.put(
          method,
          new Measurement(
              stats.getPercentile(50),
              stats.getPercentile(99),
              stats.getN(),
              alloc == null ? Double.NaN : alloc.getScore()));
    }
    return out;
  }
}
