package io.statecraft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.bench.report.ReportJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a written report: its shape, and that it holds every figure of the scenarios expected.
 * Asserts no timing: a slow machine still passes.
 */
final class ReportCheck {

  private ReportCheck() {}

  /** Every problem found, each naming where it is; empty when the report is complete. */
  static List<String> problems(JsonNode report, List<Scenario> expected) {
    List<String> problems = new ArrayList<>(ReportJson.problems(report));
    JsonNode scenarios = report.path("scenarios");
    if (!scenarios.isObject()) {
      return problems;
    }
    for (Scenario s : expected) {
      JsonNode node = scenarios.get(s.name());
      if (node == null) {
        problems.add("/scenarios/" + s.name() + ": the scenario is missing from the report");
        continue;
      }
      JsonNode figures = node.path("figures");
      if (!figures.isObject()) {
        continue;
      }
      for (String name : s.figureNames()) {
        if (!figures.has(name)) {
          problems.add("/scenarios/" + s.name() + "/figures: the figure '" + name + "' is missing");
        }
      }
      Set<String> declared = new HashSet<>(s.figureNames());
      for (Map.Entry<String, JsonNode> figure : figures.properties()) {
        String name = figure.getKey();
        if (!declared.contains(name)) {
          problems.add(
              "/scenarios/"
                  + s.name()
                  + "/figures: the figure '"
                  + name
                  + "' is not one the scenario declares");
        }
      }
    }
    return problems;
  }
}
