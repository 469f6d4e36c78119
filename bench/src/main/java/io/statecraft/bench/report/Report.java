package io.statecraft.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * A whole run of the benchmark runner, as {@code bench-report.json} holds it.
 *
 * @param environment the machine and JVM it ran on, and when
 * @param mode {@code quick} or {@code full}
 * @param scenarios the scenarios that ran, in the order they ran
 */
public record Report(Environment environment, String mode, List<ScenarioReport> scenarios) {

  /** The version of the report's JSON layout; raised whenever a field changes meaning or goes. */
  public static final int SCHEMA_VERSION = 1;

  public Report {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(mode, "mode");
    scenarios = List.copyOf(scenarios);
  }
}
