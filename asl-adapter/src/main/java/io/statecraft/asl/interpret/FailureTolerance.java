package io.statecraft.asl.interpret;

/**
 * How many failed branches a fan-out tolerates before it stops.
 *
 * <p>A Parallel state and an inline Map state tolerate none. A Distributed Map state tolerates
 * {@code ToleratedFailureCount} failed items and {@code ToleratedFailurePercentage} percent of its
 * items, each only when it is set; "the Map Run fails" as soon as a set threshold is exceeded. With
 * neither set, the first failure fails it.
 *
 * @param toleratedFailureCount the number of failures tolerated, or {@code null} when not set
 * @param toleratedFailurePercentage the percentage of failures tolerated (0 to 100), or {@code
 *     null} when not set
 */
public record FailureTolerance(Long toleratedFailureCount, Double toleratedFailurePercentage) {

  /** No failure tolerated: the first failure stops the fan-out. */
  public static final FailureTolerance NONE = new FailureTolerance(null, null);

  /** Whether {@code failed} failures out of {@code total} branches exceed the tolerance. */
  public boolean exceeded(int failed, int total) {
    if (failed <= 0) {
      return false;
    }
    if (toleratedFailureCount == null && toleratedFailurePercentage == null) {
      return true;
    }
    if (toleratedFailureCount != null && failed > toleratedFailureCount) {
      return true;
    }
    return toleratedFailurePercentage != null
        && total > 0
        && failed * 100.0 / total > toleratedFailurePercentage;
  }
}
