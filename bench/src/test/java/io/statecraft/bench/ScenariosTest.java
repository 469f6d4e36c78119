package io.statecraft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.bench.report.Figure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry: what the smoke run's report check relies on. */
class ScenariosTest {

  @Test
  void everyScenarioOfIssueSevenAndTheLoadOfIssueEightIsRegisteredInOrder() {
    assertThat(Scenarios.ALL)
        .extracting(Scenario::name)
        .containsExactly(
            "state_cost",
            "overhead",
            "throughput",
            "load",
            "map_scale",
            "long_loop",
            "idle_executions");
  }

  @Test
  void figureNamesAreWellFormedUniqueAndUnderTheirScenario() {
    Set<String> all = new HashSet<>();
    for (Scenario s : Scenarios.ALL) {
      assertThat(s.figureNames()).as(s.name()).isNotEmpty();
      for (String name : s.figureNames()) {
        assertThat(Figure.NAME.matcher(name).matches()).as(name).isTrue();
        assertThat(name).startsWith(s.name() + ".");
        assertThat(all.add(name)).as("%s declared twice", name).isTrue();
      }
    }
  }

  @Test
  void theFiguresTheIssuesNameAreDeclared() {
    List<String> names = Scenarios.ALL.stream().flatMap(s -> s.figureNames().stream()).toList();
    assertThat(names)
        .contains(
            "overhead.latency_ratio",
            "overhead.throughput_ratio",
            "throughput.pass10.http.c50.eps",
            "throughput.order_processing.in_process.c1.p99_ms",
            "load.throughput_rps",
            "load.p99_ms",
            "load.errors",
            "map_scale.distributed.largest_history_events",
            "map_scale.inline.peak_heap_mb",
            "long_loop.continue_as_new_count",
            "idle_executions.heap_per_execution_kb");
  }

  @Test
  void theQuickRunIsEstimatedToFitTheSmokeRunsBudget() {
    int quick = Scenarios.ALL.stream().mapToInt(s -> s.estimatedSeconds(Mode.QUICK)).sum();
    assertThat(quick).isLessThanOrEqualTo(150);
  }
}
