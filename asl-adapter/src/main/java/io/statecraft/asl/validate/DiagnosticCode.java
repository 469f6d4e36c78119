package io.statecraft.asl.validate;

/**
 * The diagnostic codes of AWS {@code ValidateStateMachineDefinition}, with the severity each is
 * reported at. The two JSONata codes are missing from the table in AWS's {@code
 * ValidateStateMachineDefinitionDiagnostic} reference, but they are what AWS reports for JSONata
 * expressions that do not parse or that use what Step Functions does not provide.
 */
public enum DiagnosticCode {
  /** No {@code .$} on a field that appears to be a JSONPath or intrinsic function. */
  NO_DOLLAR(Severity.WARNING),
  /** A field value looks like a path, but the field name does not end with {@code Path}. */
  NO_PATH(Severity.WARNING),
  /** An attempt to use a path in the {@code Result} of a Pass state. */
  PASS_RESULT_IS_STATIC(Severity.WARNING),
  /** A JSON syntax problem. */
  INVALID_JSON_DESCRIPTION(Severity.ERROR),
  /** A null or empty definition. */
  MISSING_DESCRIPTION(Severity.ERROR),
  /** The definition does not follow the Amazon States Language schema. */
  SCHEMA_VALIDATION_FAILED(Severity.ERROR),
  /** The value of a Task state's {@code Resource} field is invalid. */
  INVALID_RESOURCE(Severity.ERROR),
  /** The workflow does not have a terminal state. */
  MISSING_END_STATE(Severity.ERROR),
  /** The same state name appears more than once. */
  DUPLICATE_STATE_NAME(Severity.ERROR),
  /** A state name does not follow the naming convention. */
  INVALID_STATE_NAME(Severity.ERROR),
  /** A Map {@code Label} appears more than once. */
  DUPLICATE_LABEL_NAME(Severity.ERROR),
  /** A Map {@code Label} is invalid. */
  INVALID_LABEL_NAME(Severity.ERROR),
  /**
   * A {@code Next}, {@code Default} or {@code StartAt} names no state, or a state is unreachable.
   */
  MISSING_TRANSITION_TARGET(Severity.ERROR),
  /** The states are too deeply nested. */
  TOO_DEEPLY_NESTED(Severity.ERROR),
  /** A JSONata expression does not parse. */
  INVALID_JSONATA_EXPRESSION(Severity.ERROR),
  /** A JSONata expression uses something Step Functions does not support. */
  UNSUPPORTED_JSONATA_EXPRESSION(Severity.ERROR);

  private final Severity defaultSeverity;

  DiagnosticCode(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  /** The severity this code is normally reported at. */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
