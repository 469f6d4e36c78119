package io.statecraft.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the conformance cases through the in-memory engine: the project's own cases always, and the
 * corpus recorded against AWS when it is present (required when {@code
 * STATECRAFT_CONFORMANCE_REQUIRED=1}). Writes {@code target/conformance-report.json} and fails on
 * any unexpected failure or unexpected pass.
 */
class ConformanceTest {

  static final Path OWN_CASES = Path.of("src/test/resources/conformance/cases");
  static final String EXPECTED_FAILURES = "conformance/expected-failures.json";

  @Test
  void casesPassInMemoryExceptTheExpectedFailures() {
    Path corpus = CorpusLocation.corpusDirectory(Path.of(""));
    Optional<String> corpusProblem = CorpusLocation.problem(corpus);
    if (corpusProblem.isPresent() && CorpusLocation.required()) {
      fail(corpusProblem.get() + ", and " + CorpusLocation.REQUIRED_ENV + "=1 requires it");
    }
    List<Path> dirs = corpusProblem.isPresent() ? List.of(OWN_CASES) : List.of(OWN_CASES, corpus);
    ConformanceRunner runner =
        new ConformanceRunner(
            "in memory",
            new InMemoryCaseExecutor(),
            ExpectedFailures.fromResource(EXPECTED_FAILURES));
    ConformanceReport report = runner.run(dirs);
    report.write(Path.of("target/conformance-report.json"));
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
  }
}
