package io.statecraft.bench;

import io.statecraft.bench.load.LoadScenario;
import io.statecraft.bench.overhead.OverheadScenario;
import io.statecraft.bench.scale.IdleExecutionsScenario;
import io.statecraft.bench.scale.LongLoopScenario;
import io.statecraft.bench.scale.MapScaleScenario;
import io.statecraft.bench.statecost.StateCostScenario;
import io.statecraft.bench.throughput.ThroughputScenario;
import java.util.List;
import java.util.Optional;

/** The one place scenarios are registered. */
public final class Scenarios {

  private Scenarios() {}

  /** Every scenario, in the order a run without scenario names runs them. */
  public static final List<Scenario> ALL =
      List.of(
          new StateCostScenario(),
          new OverheadScenario(),
          new ThroughputScenario(),
          new LoadScenario(),
          new MapScaleScenario(),
          new LongLoopScenario(),
          new IdleExecutionsScenario());

  /** The scenario called {@code name}. */
  public static Optional<Scenario> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
