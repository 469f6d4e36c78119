package io.statecraft.asl.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs conformance cases through a {@link CaseExecutor} and classifies each against the expected
 * failures. Loading, comparison and reporting do not depend on how a case is executed, so the
 * workflows module reuses this runner (through the asl-adapter test jar) with its own executor.
 */
public final class ConformanceRunner {

  private final String engine;
  private final CaseExecutor executor;
  private final ExpectedFailures expectedFailures;

  public ConformanceRunner(
      String engine, CaseExecutor executor, ExpectedFailures expectedFailures) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.expectedFailures = Objects.requireNonNull(expectedFailures, "expectedFailures");
  }

  /** Runs every case of every directory, in order. */
  public ConformanceReport run(List<Path> directories) {
    List<CaseReport> reports = new ArrayList<>();
    for (Path dir : directories) {
      for (ConformanceCase c : CaseLoader.load(dir)) {
        reports.add(run(c));
      }
    }
    return new ConformanceReport(engine, reports);
  }

  public CaseReport run(ConformanceCase c) {
    ActualRun actual;
    try {
      actual = executor.execute(c);
    } catch (RuntimeException e) {
      actual = ActualRun.notRun("the engine threw " + e);
    }
    Verdict verdict = CaseComparison.compare(c, actual);
    String reason = expectedFailures.reason(c.id()).orElse(null);
    String status;
    String message;
    if (verdict.passed()) {
      status = reason == null ? CaseReport.PASSED : CaseReport.UNEXPECTED_PASS;
      message =
          reason == null
              ? "passed"
              : "passes now; remove it from the expected failures (it was listed as: "
                  + reason
                  + ")";
    } else {
      status = reason == null ? CaseReport.FAILED : CaseReport.EXPECTED_FAILURE;
      message = reason == null ? verdict.message() : reason + " [" + verdict.message() + "]";
    }
    return new CaseReport(c.id(), c.file(), status, message, verdict, c.features());
  }
}
