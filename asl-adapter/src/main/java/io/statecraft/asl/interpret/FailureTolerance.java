package io.statecraft.asl.interpret;

/**
 * How many failed branches a fan-out tolerates before it stops.
 *
 * <p>A Parallel state and an inline Map state tolerate none. A Distributed Map state tolerates
 * {@code ToleratedFailureCount} failed items and {@code ToleratedFailurePercentage} percent of its
 * items; "the Map Run fails" when either threshold is exceeded.
 *
 * @param toleratedFailureCount the number of failures tolerated
 * @param toleratedFailurePercentage the percentage of failures tolerated, 0 to 100
 */
public record FailureTolerance(long toleratedFailureCount, double toleratedFailurePercentage) {

  /** No failure tolerated: the first failure stops the fan-out. */
  public static final FailureTolerance NONE = new FailureTolerance(0, 0);

  /** Whether {@code failed} failures out of {@code total} branches exceed the tolerance. */
  public boolean exceeded(int failed, int total) {
    if (failed <= 0) {
      return false;
    }
    if (failed > toleratedFailureCount) {
      return true;
    }
    return total > 0 && failed * 100.0 / total > toleratedFailurePercentage;
  }
}
