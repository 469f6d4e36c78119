package io.statecraft.bench;

import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import io.statecraft.bench.report.Target;
import java.util.List;
import java.util.Map;

/** A scenario that measures nothing and reports what it is told to, for the runner's tests. */
final class FakeScenario implements Scenario {

  private final String name;
  private final List<String> declared;
  private final List<String> reported;
  private final RuntimeException failure;
  Mode ranIn;

  FakeScenario(
      String name, List<String> declared, List<String> reported, RuntimeException failure) {
    this.name = name;
    this.declared = declared;
    this.reported = reported;
    this.failure = failure;
  }

  static FakeScenario good(String name) {
    List<String> figures = List.of(name + ".thing.us_per_state", name + ".thing.ratio");
    return new FakeScenario(name, figures, figures, null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "a fake " + name;
  }

  @Override
  public List<String> figureNames() {
    return declared;
  }

  @Override
  public int estimatedSeconds(Mode mode) {
    return mode == Mode.QUICK ? 1 : 10;
  }

  @Override
  public ScenarioReport run(ScenarioContext context) {
    ranIn = context.mode();
    if (failure != null) {
      throw failure;
    }
    List<Figure> figures =
        reported.stream()
            .map(
                f ->
                    f.endsWith(".ratio")
                        ? Figure.of(f, 0.5, "ratio", "a ratio")
                        : new Figure(
                            f,
                            12.0,
                            "us",
                            Map.of("median", 12.0, "p99", 30.0),
                            Target.atMost(20),
                            "a timing"))
            .toList();
    return new ScenarioReport(name, description(), Map.of("items", 3), figures, List.of(), 0);
  }
}
