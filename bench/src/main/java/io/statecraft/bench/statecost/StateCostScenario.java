package io.statecraft.bench.statecost;

import io.statecraft.bench.Mode;
import io.statecraft.bench.Scenario;
import io.statecraft.bench.ScenarioContext;
import io.statecraft.bench.jmh.Jmh;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.report.Target;
import io.statecraft.bench.statecost.StateCostFixture.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code state_cost}: the microseconds one state costs the interpreter core, for a Pass, a Choice,
 * a JSONPath Task data flow and a JSONata Task data flow on a 1 KiB input, measured with JMH.
 */
public final class StateCostScenario implements Scenario {

  public static final String NAME = "state_cost";

  /** Issue 2's target for a JSONPath Task state's data flow, in µs per state. */
  public static final double JSONPATH_TARGET_US = 20;

  /** Issue 5's target for a JSONata Task state's data flow, in µs per state. */
  public static final double JSONATA_TARGET_US = 50;

  static final String RATIO = NAME + ".jsonata_over_jsonpath.ratio";
  static final String IN_EXECUTION = NAME + ".pass_in_execution.us_per_state";

  /** The benchmark method that measures each subject. */
  private static final Map<Subject, String> METHODS =
      Map.of(
          Subject.PASS, "pass",
          Subject.CHOICE, "choice",
          Subject.JSONPATH_TASK, "jsonpathTask",
          Subject.JSONATA_TASK, "jsonataTask");

  private static final Map<Subject, String> DESCRIPTIONS =
      Map.of(
          Subject.PASS,
          "A Pass state with no fields: the least one state costs.",
          Subject.CHOICE,
          "A Choice state of four rules (six comparisons, two And, one Or); the last rule matches.",
          Subject.JSONPATH_TASK,
          "A Task state's JSONPath data flow: InputPath, Parameters with 10 '.$' fields,"
              + " ResultSelector, ResultPath, OutputPath; the task returns a fixed 1 KiB result.",
          Subject.JSONATA_TASK,
          "A Task state's JSONata data flow: Arguments of 10 fields, Assign of 2 variables,"
              + " Output; the task returns a fixed 1 KiB result.");

  static String figureName(Subject s) {
    return NAME + "." + s.figure() + ".us_per_state";
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "µs per state through the interpreter core with in-memory ports, 1 KiB input (JMH)";
  }

  @Override
  public List<String> figureNames() {
    List<String> names = new ArrayList<>();
    for (Subject s : Subject.values()) {
      names.add(figureName(s));
    }
    names.add(RATIO);
    names.add(IN_EXECUTION);
    return List.copyOf(names);
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return (Subject.values().length + 1) * Jmh.Plan.of(mode).secondsPerBenchmark();
  }

  @Override
  public ScenarioReport run(ScenarioContext context) throws Exception {
    StateCostFixture fixture = StateCostFixture.load();
    // Fail here, with a clear message, rather than inside a forked JVM.
    fixture.verify();
    Map<String, Jmh.Measurement> measured = Jmh.run(StateCostBenchmark.class, context);
    return report(fixture, measured, Jmh.Plan.of(context.mode()));
  }

  /** The report of a run, from the measurements of each benchmark method. */
  static ScenarioReport report(
      StateCostFixture fixture, Map<String, Jmh.Measurement> measured, Jmh.Plan plan) {
    List<Figure> figures = new ArrayList<>();
    for (Subject s : Subject.values()) {
      Figure f = timing(figureName(s), measured(measured, METHODS.get(s)), DESCRIPTIONS.get(s));
      if (s == Subject.JSONPATH_TASK) {
        f = f.withTarget(Target.atMost(JSONPATH_TARGET_US));
      } else if (s == Subject.JSONATA_TASK) {
        f = f.withTarget(Target.atMost(JSONATA_TARGET_US));
      }
      figures.add(f);
    }
    double jsonpath = measured(measured, METHODS.get(Subject.JSONPATH_TASK)).median();
    double jsonata = measured(measured, METHODS.get(Subject.JSONATA_TASK)).median();
    figures.add(
        Figure.of(
            RATIO,
            Math.round(jsonata / jsonpath * 100) / 100.0,
            "ratio",
            "The JSONata Task's median over the JSONPath Task's median, from the same run."));
    figures.add(
        timing(
            IN_EXECUTION,
            measured(measured, "passInExecution"),
            "Whole executions of "
                + StateCostFixture.CHAIN_LENGTH
                + " Pass states through Interpreter.start, per state: includes the execution's"
                + " start and end, shared by the "
                + StateCostFixture.CHAIN_LENGTH
                + " states."));

    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("input_bytes", fixture.inputBytes());
    parameters.put("task_result_bytes", fixture.taskResultBytes());
    parameters.put("parameters_fields", 10);
    parameters.put("arguments_fields", 10);
    parameters.put("choice_rules", 4);
    parameters.put("pass_chain_states", StateCostFixture.CHAIN_LENGTH);
    parameters.putAll(plan.parameters());
    List<String> notes =
        List.of(
            "Each state figure is one call of Interpreter.evaluateState (the TestState path) on the"
                + " same input: the core's whole work for one state (visit count, context object,"
                + " StateEntered/StateExited and the Task's Scheduled/Started/Succeeded history"
                + " events handed to an observer, the retry and catch wrapper, the data flow, the"
                + " 256 KiB payload checks) plus building the one-state engine the call runs in.",
            "The task is a Tasks port that returns the same pre-built 1 KiB result: no I/O, no"
                + " serialisation, no Temporal activity. Reaching an activity is what the overhead"
                + " scenario measures.",
            "value is the median of JMH SampleTime samples over every fork; p99 is from the same"
                + " samples and, on a shared machine, mostly shows garbage collection pauses and"
                + " preemption; alloc_bytes_per_state is JMH's gc.alloc.rate.norm. The samples'"
                + " mean is left out: a few pauses of several milliseconds dominate it.",
            "The JSONPath and JSONata Task states produce the same output; the JSONata one also"
                + " assigns two variables.",
            "The definitions and data are in the runner's resources under state_cost/.");
    return new ScenarioReport(
        NAME,
        "µs per state through the interpreter core with in-memory ports, 1 KiB input (JMH)",
        parameters,
        figures,
        notes,
        0);
  }

  private static Jmh.Measurement measured(Map<String, Jmh.Measurement> measured, String method) {
    Jmh.Measurement m = measured.get(method);
    if (m == null) {
      throw new IllegalStateException(
          "JMH reported no result for StateCostBenchmark."
              + method
              + "; it reported "
              + measured.keySet());
    }
    return m;
  }

  private static Figure timing(String name, Jmh.Measurement m, String description) {
    Map<String, Number> stats = new LinkedHashMap<>();
    stats.put("median", round(m.median()));
    stats.put("p99", round(m.p99()));
    stats.put("samples", m.samples());
    if (Double.isFinite(m.allocatedBytes())) {
      stats.put("alloc_bytes_per_state", Math.round(m.allocatedBytes()));
    }
    return new Figure(name, round(m.median()), "us", stats, null, description);
  }

  /** Three decimals: nanoseconds, which is all a sample's timer can tell. */
  private static double round(double us) {
    return Math.round(us * 1000) / 1000.0;
  }
}
