package io.statecraft.asl.validate;

import java.util.Objects;

/**
 * How to validate, after the request of AWS {@code ValidateStateMachineDefinition}.
 *
 * @param maxResults the most diagnostics returned; AWS's default and maximum is 100, and 0 also
 *     means 100
 * @param severity the lowest severity returned: ERROR (AWS's default) returns only errors, WARNING
 *     returns both
 * @param type the state machine type the definition is meant for (STANDARD by default)
 * @param resourceCheck which resources the platform can run
 */
public record ValidationOptions(
    int maxResults, Severity severity, StateMachineType type, ResourceCheck resourceCheck) {

  /** AWS's default and upper limit for {@code maxResults}. */
  public static final int MAX_RESULTS_LIMIT = 100;

  public static final ValidationOptions DEFAULTS =
      new ValidationOptions(
          MAX_RESULTS_LIMIT, Severity.ERROR, StateMachineType.STANDARD, ResourceCheck.ANY);

  public ValidationOptions {
    if (maxResults < 0 || maxResults > MAX_RESULTS_LIMIT) {
      throw new IllegalArgumentException(
          "maxResults must be between 0 and " + MAX_RESULTS_LIMIT + ", was " + maxResults);
    }
    if (maxResults == 0) {
      maxResults = MAX_RESULTS_LIMIT;
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(resourceCheck, "resourceCheck");
  }

  public ValidationOptions withMaxResults(int newMaxResults) {
    return new ValidationOptions(newMaxResults, severity, type, resourceCheck);
  }

  public ValidationOptions withSeverity(Severity newSeverity) {
    return new ValidationOptions(maxResults, newSeverity, type, resourceCheck);
  }

  public ValidationOptions withType(StateMachineType newType) {
    return new ValidationOptions(maxResults, severity, newType, resourceCheck);
  }

  public ValidationOptions withResourceCheck(ResourceCheck newResourceCheck) {
    return new ValidationOptions(maxResults, severity, type, newResourceCheck);
  }
}
