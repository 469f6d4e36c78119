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

  public boolean ok() {
    return result == Result.OK;
  }
}
