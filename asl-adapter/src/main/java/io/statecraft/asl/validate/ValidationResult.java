package io.statecraft.asl.validate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating a definition, shaped like the response of AWS {@code
 * ValidateStateMachineDefinition}.
 *
 * @param result {@code OK} when the definition can be used to create or update a state machine,
 *     {@code FAIL} when it has at least one error. Warnings alone leave it {@code OK}.
 * @param diagnostics the diagnostics at or above the requested severity, at most {@code maxResults}
 *     of them, in the order they were found: field checks first, then graph checks
 * @param truncated whether more diagnostics were found than {@code maxResults}
 */
public record ValidationResult(Result result, List<Diagnostic> diagnostics, boolean truncated) {

  /** The overall verdict. */
  public enum Result {
    OK,
    FAIL
  }

  public ValidationResult {
    Objects.requireNonNull(result, "result");
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * The result of validating with these options: {@code result} is decided on everything that was
   * found, before the severity filter and the {@code maxResults} cap are applied.
   *
   * @param found every diagnostic, in the order found
   */
  public static ValidationResult of(List<Diagnostic> found, ValidationOptions options) {
    boolean failed = found.stream().anyMatch(Diagnostic::isError);
    List<Diagnostic> shown =
        found.stream().filter(d -> options.severity() == Severity.WARNING || d.isError()).toList();
    boolean truncated = shown.size() > options.maxResults();
    return new ValidationResult(
        failed ? Result.FAIL : Result.OK,
        truncated ? shown.subList(0, options.maxResults()) : shown,
        truncated);
  }

  public boolean ok() {
    return result == Result.OK;
  }
}
