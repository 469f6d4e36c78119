package io.statecraft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.bench.platform.SharedPlatform;
import io.statecraft.bench.report.Environment;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.Report;
import io.statecraft.bench.report.ReportJson;
import io.statecraft.bench.report.ScenarioReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark runner: {@code java -jar bench/target/statecraft-bench.jar [--quick] [--out FILE]
 * [scenario...]}. See {@link CommandLine#USAGE}.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), Scenarios.ALL, System.out, System.err));
  }

  /** Runs the command line against {@code scenarios}; returns the exit status. */
  static int run(List<String> args, List<Scenario> scenarios, PrintStream out, PrintStream err) {
    CommandLine cmd;
    try {
      cmd = CommandLine.parse(args, scenarios);
    } catch (UsageException e) {
      err.println("statecraft-bench: " + e.getMessage());
      err.println();
      err.print(CommandLine.USAGE);
      return USAGE;
    }
    return switch (cmd.action()) {
      case HELP -> {
        out.print(CommandLine.USAGE);
        yield OK;
      }
      case LIST -> list(scenarios, out);
      case CHECK -> check(cmd.check(), cmd.scenarios(), out, err);
      case RUN -> runScenarios(cmd, args, out, err);
    };
  }

  private static int list(List<Scenario> scenarios, PrintStream out) {
    for (Scenario s : scenarios) {
      out.printf(
          "%s: %s (about %d s quick, %d s full)%n",
          s.name(), s.description(), s.estimatedSeconds(Mode.QUICK), s.estimatedSeconds(Mode.FULL));
      s.figureNames().forEach(f -> out.println("  " + f));
    }
    return OK;
  }

  private static int check(Path file, List<Scenario> expected, PrintStream out, PrintStream err) {
    JsonNode report;
    try {
      report = ReportJson.read(file);
    } catch (IOException e) {
      err.println("statecraft-bench: cannot read the report " + file + ": " + e.getMessage());
      return FAILED;
    }
    List<String> problems = ReportCheck.problems(report, expected);
    if (problems.isEmpty()) {
      int figures = expected.stream().mapToInt(s -> s.figureNames().size()).sum();
      out.printf(
          "%s: a well-formed report with all %d figures of %d scenario(s)%n",
          file, figures, expected.size());
      return OK;
    }
    err.println("statecraft-bench: " + file + " has " + problems.size() + " problem(s):");
    problems.forEach(p -> err.println("  " + p));
    return FAILED;
  }

  private static int runScenarios(
      CommandLine cmd, List<String> args, PrintStream out, PrintStream err) {
    Path file = cmd.out() != null ? cmd.out() : defaultReport();
    Environment env = Environment.current(args);
    int estimate = cmd.scenarios().stream().mapToInt(s -> s.estimatedSeconds(cmd.mode())).sum();
    out.printf(
        "statecraft-bench %s: %s, about %d s; %d cores, JDK %s (%s)%n",
        cmd.mode().label(),
        String.join(" ", cmd.scenarios().stream().map(Scenario::name).toList()),
        estimate,
        env.cores(),
        env.jdkVersion(),
        env.jdkVendor());
    List<ScenarioReport> reports = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    long runStarted = System.nanoTime();
    try (SharedPlatform platform = new SharedPlatform()) {
      for (Scenario s : cmd.scenarios()) {
        ScenarioContext context = new ScenarioContext(cmd.mode(), cmd.verbose(), out, platform);
        context.log("running " + s.name() + " (about " + s.estimatedSeconds(cmd.mode()) + " s)");
        long started = System.nanoTime();
        try {
          ScenarioReport r = s.run(context);
          checkFigures(s, r);
          reports.add(r.withDuration((System.nanoTime() - started) / 1e9));
        } catch (Exception e) {
          failed.add(s.name());
          err.println("statecraft-bench: the scenario " + s.name() + " failed: " + e);
          e.printStackTrace(err);
        }
      }
    }
    out.printf("%nall scenarios: %.1f s%n", (System.nanoTime() - runStarted) / 1e9);
    Table.print(reports, out);
    Report report = new Report(env, cmd.mode().label(), reports);
    try {
      ReportJson.write(report, file);
    } catch (IOException e) {
      err.println("statecraft-bench: cannot write the report to " + file + ": " + e);
      return FAILED;
    }
    out.println();
    out.println("report: " + file);
    if (!failed.isEmpty()) {
      err.println("statecraft-bench: failed: " + String.join(", ", failed));
      return FAILED;
    }
    return OK;
  }

  /** A scenario must report exactly the figures it declares, or the report check means nothing. */
  private static void checkFigures(Scenario s, ScenarioReport r) {
    if (!r.name().equals(s.name())) {
      throw new IllegalStateException(
          "the scenario " + s.name() + " reported under the name " + r.name());
    }
    List<String> reported = r.figures().stream().map(Figure::name).toList();
    if (!reported.equals(s.figureNames())) {
      throw new IllegalStateException(
          "the scenario "
              + s.name()
              + " declares the figures "
              + s.figureNames()
              + " but reported "
              + reported);
    }
  }

  /** {@code bench-report.json} beside the runner's jar (or its classes), i.e. in bench/target. */
  static Path defaultReport() {
    try {
      Path location =
          Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // The jar sits in bench/target; classes (tests, an IDE) in bench/target/classes.
      Path dir = location.getParent();
      if (dir != null) {
        return dir.resolve("bench-report.json");
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Fall through to the documented relative location.
    }
    return Path.of("bench", "target", "bench-report.json");
  }
}
