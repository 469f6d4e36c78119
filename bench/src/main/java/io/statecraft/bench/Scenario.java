package io.statecraft.bench;

import io.statecraft.bench.report.ScenarioReport;
import java.util.List;

/**
 * One benchmark scenario: something measured, reported as named figures.
 *
 * <p>To add one, implement this interface in a package of its own and list an instance in {@link
 * Scenarios#ALL}; the command line, the table, the report and the report check then know it.
 */
public interface Scenario {

  /** The name on the command line and in the report: lower case, digits and {@code _}. */
  String name();

  /** One line: what the scenario measures. */
  String description();

  /**
   * The full name of every figure the scenario reports, in the order it reports them. The runner
   * refuses a run that does not report exactly these, and the report check ({@code --check})
   * demands each of them.
   */
  List<String> figureNames();

  /** A rough estimate of the run time in seconds, to tell the user before starting. */
  int estimatedSeconds(Mode mode);

  /**
   * Runs the scenario.
   *
   * @throws Exception when it cannot produce its figures; the runner reports the failure and exits
   *     with status 1
   */
  ScenarioReport run(ScenarioContext context) throws Exception;
}
