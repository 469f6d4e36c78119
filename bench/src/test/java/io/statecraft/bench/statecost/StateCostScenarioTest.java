package io.statecraft.bench.statecost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.bench.Mode;
import io.statecraft.bench.jmh.Jmh;
import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.report.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCostScenarioTest {

  private final StateCostScenario scenario = new StateCostScenario();

  private static Map<String, Jmh.Measurement> measured(double jsonpath, double jsonata) {
    Map<String, Jmh.Measurement> m = new LinkedHashMap<>();
    m.put("pass", new Jmh.Measurement(1.5, 4, 1000, 2048));
    m.put("choice", new Jmh.Measurement(2.5, 6, 1000, Double.NaN));
    m.put("jsonpathTask", new Jmh.Measurement(jsonpath, 30, 1000, 9000));
    m.put("jsonataTask", new Jmh.Measurement(jsonata, 90, 1000, 20000));
    m.put("passInExecution", new Jmh.Measurement(1.8, 5, 1000, 2500));
    return m;
  }

  @Test
  void reportsExactlyItsDeclaredFiguresWithTheTargetsOfIssuesTwoAndFive() {
    ScenarioReport r =
        StateCostScenario.report(StateCostFixture.load(), measured(10, 35), Jmh.Plan.QUICK);

    assertThat(r.figures()).extracting(Figure::name).isEqualTo(scenario.figureNames());
    Figure jsonpath = figure(r, "state_cost.jsonpath_task.us_per_state");
    assertThat(jsonpath.value()).isEqualTo(10);
    assertThat(jsonpath.unit()).isEqualTo("us");
    assertThat(jsonpath.target()).isEqualTo(Target.atMost(20));
    assertThat(jsonpath.meetsTarget()).isTrue();
    assertThat(jsonpath.stats())
        .containsEntry("median", 10.0)
        .containsEntry("p99", 30.0)
        .containsEntry("samples", 1000L)
        .containsEntry("alloc_bytes_per_state", 9000L);
    assertThat(figure(r, "state_cost.jsonata_task.us_per_state").target())
        .isEqualTo(Target.atMost(50));
    assertThat(figure(r, "state_cost.jsonata_over_jsonpath.ratio").value()).isEqualTo(3.5);
    assertThat(figure(r, "state_cost.pass.us_per_state").target()).isNull();
    // A JVM that cannot count allocations leaves the statistic out rather than report NaN.
    assertThat(figure(r, "state_cost.choice.us_per_state").stats())
        .doesNotContainKey("alloc_bytes_per_state");
    assertThat(r.parameters())
        .containsEntry("input_bytes", StateCostFixture.load().inputBytes())
        .containsEntry("parameters_fields", 10)
        .containsEntry("jmh_forks", 1);
    assertThat(r.notes()).anyMatch(n -> n.contains("Interpreter.evaluateState"));
  }

  @Test
  void aMissedTargetIsReportedAsMissed() {
    ScenarioReport r =
        StateCostScenario.report(StateCostFixture.load(), measured(25, 60), Jmh.Plan.FULL);
    assertThat(figure(r, "state_cost.jsonpath_task.us_per_state").meetsTarget()).isFalse();
    assertThat(figure(r, "state_cost.jsonata_task.us_per_state").meetsTarget()).isFalse();
    assertThat(r.parameters()).containsEntry("jmh_forks", 3);
  }

  @Test
  void aBenchmarkJmhDidNotReportIsAnError() {
    Map<String, Jmh.Measurement> m = measured(10, 35);
    m.remove("choice");
    assertThatThrownBy(() -> StateCostScenario.report(StateCostFixture.load(), m, Jmh.Plan.QUICK))
        .hasMessageContaining("no result for StateCostBenchmark.choice");
  }

  @Test
  void aQuickRunFitsInTheSmokeBudget() {
    assertThat(scenario.estimatedSeconds(Mode.QUICK)).isLessThan(60);
    assertThat(scenario.estimatedSeconds(Mode.FULL))
        .isGreaterThan(scenario.estimatedSeconds(Mode.QUICK));
  }

  private static Figure figure(ScenarioReport r, String name) {
    return r.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }
}
