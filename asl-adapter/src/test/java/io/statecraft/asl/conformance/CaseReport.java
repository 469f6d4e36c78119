package io.statecraft.asl.conformance;

import java.util.List;

/**
 * The outcome of one case.
 *
 * @param id the case id
 * @param file the case file
 * @param status {@code passed}, {@code failed}, {@code expected-failure} or {@code unexpected-pass}
 * @param message why it did not pass, the expected-failure reason, or {@code passed}
 * @param verdict the part-by-part comparison
 * @param features the case's feature tags
 */
public record CaseReport(
    String id, String file, String status, String message, Verdict verdict, List<String> features) {

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  public static final String EXPECTED_FAILURE = "expected-failure";
  public static final String UNEXPECTED_PASS = "unexpected-pass";

  /** Whether this outcome should fail the build. */
  public boolean isProblem() {
    return status.equals(FAILED) || status.equals(UNEXPECTED_PASS);
  }
}
