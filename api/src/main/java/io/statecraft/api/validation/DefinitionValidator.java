package io.statecraft.api.validation;

import java.util.List;

/**
 * Checks an Amazon States Language definition the way {@code ValidateStateMachineDefinition} does.
 */
public interface DefinitionValidator {

  /**
   * Validates {@code definition}.
   *
   * @param definition the definition's JSON text
   * @param options what to report
   * @return {@code OK} or {@code FAIL} with the diagnostics found
   */
  Report validate(String definition, Options options);

  /**
   * What to validate and report.
   *
   * @param type {@code STANDARD} or {@code EXPRESS}; {@code null} for {@code STANDARD}
   * @param minimumSeverity {@code ERROR} to report errors only, {@code WARNING} for both
   * @param maxResults the most diagnostics to return; 0 for the default of 100
   */
  record Options(String type, String minimumSeverity, int maxResults) {

    /** Errors and warnings of a {@code STANDARD} state machine, up to 100 of them. */
    public static Options defaults() {
      return new Options("STANDARD", "ERROR", 0);
    }
  }

  /**
   * The outcome.
   *
   * @param result {@code OK} when the definition has no error, {@code FAIL} otherwise
   * @param truncated whether more diagnostics were found than returned
   */
  record Report(String result, List<Diagnostic> diagnostics, boolean truncated) {

    public Report {
      diagnostics = List.copyOf(diagnostics);
    }

    /** Whether the definition has no error. */
    public boolean ok() {
      return "OK".equals(result);
    }
  }

  /**
   * One finding.
   *
   * @param severity {@code ERROR} or {@code WARNING}
   * @param code AWS's diagnostic code, such as {@code SCHEMA_VALIDATION_FAILED}
   * @param location a JSON pointer into the definition, such as {@code /States/Charge/Next}
   */
  record Diagnostic(String severity, String code, String message, String location) {}
}
