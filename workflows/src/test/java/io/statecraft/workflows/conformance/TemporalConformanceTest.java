package io.statecraft.workflows.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.conformance.CaseLoader;
import io.statecraft.asl.conformance.CaseReport;
import io.statecraft.asl.conformance.ConformanceCase;
import io.statecraft.asl.conformance.ConformanceReport;
import io.statecraft.asl.conformance.ConformanceRunner;
import io.statecraft.asl.conformance.CorpusLocation;
import io.statecraft.asl.conformance.ExpectedFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the conformance cases through the interpreter workflow on Temporal, exactly as the in-memory
 * test runs them in asl-adapter: the project's own cases always, the recorded corpus when it is
 * present ({@code -Dconformance.dir}, required when {@code STATECRAFT_CONFORMANCE_REQUIRED=1}), the
 * same expected failures. Writes {@code target/conformance-report.json}, and checks that it agrees
 * case by case with the in-memory report when that exists.
 */
class TemporalConformanceTest {

  static final Path OWN_CASES = Path.of("../asl-adapter/src/test/resources/conformance/cases");
  static final Path IN_MEMORY_REPORT = Path.of("../asl-adapter/target/conformance-report.json");
  static final Path REPORT = Path.of("target/conformance-report.json");

  @Test
  void casesPassOnTemporalExceptTheExpectedFailuresAndAgreeWithInMemory() throws IOException {
    Path corpus = CorpusLocation.corpusDirectory(Path.of(""));
    Optional<String> corpusProblem = CorpusLocation.problem(corpus);
    if (corpusProblem.isPresent() && CorpusLocation.required()) {
      fail(corpusProblem.get() + ", and " + CorpusLocation.REQUIRED_ENV + "=1 requires it");
    }
    List<Path> dirs = corpusProblem.isPresent() ? List.of(OWN_CASES) : List.of(OWN_CASES, corpus);
    TreeSet<String> resources = new TreeSet<>();
    for (Path dir : dirs) {
      for (ConformanceCase c : CaseLoader.load(dir)) {
        if (c.tasks() != null) {
          c.tasks().fieldNames().forEachRemaining(resources::add);
        }
      }
    }
    ConformanceReport report;
    try (TemporalCaseExecutor executor = new TemporalCaseExecutor(new ArrayList<>(resources))) {
      ConformanceRunner runner =
          new ConformanceRunner(
              "temporal",
              executor,
              ExpectedFailures.fromResource("conformance/expected-failures.json"));
      report = runner.run(dirs);
    }
    report.write(REPORT);
    System.out.println(report.summaryLine());
    corpusProblem.ifPresent(p -> System.out.println("Corpus not run: " + p));
    assertThat(report.count(CaseReport.PASSED)).isPositive();
    List<CaseReport> problems = report.problems();
    if (!problems.isEmpty()) {
      fail(
          report.summaryLine()
              + "\n"
              + problems.stream()
                  .map(p -> p.status() + " " + p.id() + ": " + p.message())
                  .collect(Collectors.joining("\n")));
    }
    List<String> disagreements = disagreements(REPORT, IN_MEMORY_REPORT);
    assertThat(disagreements).as("cases whose outcome differs from the in-memory report").isEmpty();
  }

  /**
   * The cases whose status, result, cause or history verdict differ between the two reports, for
   * the cases both ran. Empty when the in-memory report does not exist (asl-adapter's tests did not
   * run in this build).
   */
  static List<String> disagreements(Path temporal, Path inMemory) throws IOException {
    if (!Files.exists(inMemory)) {
      System.out.println("No in-memory report at " + inMemory + "; skipping the comparison");
      return List.of();
    }
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> ours = byId(mapper.readTree(temporal.toFile()));
    Map<String, JsonNode> theirs = byId(mapper.readTree(inMemory.toFile()));
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : ours.entrySet()) {
      JsonNode other = theirs.get(e.getKey());
      if (other == null) {
        continue;
      }
      for (String field : List.of("status", "result", "cause")) {
        if (!e.getValue().path(field).equals(other.path(field))) {
          differences.add(
              e.getKey()
                  + ": "
                  + field
                  + " is "
                  + e.getValue().path(field)
                  + " on Temporal, "
                  + other.path(field)
                  + " in memory");
        }
      }
      JsonNode h1 = e.getValue().path("history").path("verdict");
      JsonNode h2 = other.path("history").path("verdict");
      if (!h1.equals(h2)) {
        differences.add(e.getKey() + ": history is " + h1 + " on Temporal, " + h2 + " in memory");
      }
    }
    return differences;
  }

  private static Map<String, JsonNode> byId(JsonNode report) {
    Map<String, JsonNode> cases = new LinkedHashMap<>();
    report.path("cases").forEach(c -> cases.put(c.path("id").asText(), c));
    return cases;
  }
}
