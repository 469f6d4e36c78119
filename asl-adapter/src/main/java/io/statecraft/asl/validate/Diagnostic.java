package io.statecraft.asl.validate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * One problem found in a definition, shaped like AWS's {@code
 * ValidateStateMachineDefinitionDiagnostic}.
 *
 * @param severity ERROR (the definition cannot be used) or WARNING
 * @param code the AWS diagnostic code
 * @param message what is wrong, in AWS's wording where AWS's wording is known
 * @param location where it is, as a JSON pointer into the definition such as {@code
 *     /States/Charge/Retry/0/BackoffRate}, or {@code null} when the problem concerns the whole
 *     definition
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, String location) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(DiagnosticCode code, String message, String location) {
    return new Diagnostic(Severity.ERROR, code, message, location);
  }

  public static Diagnostic warning(DiagnosticCode code, String message, String location) {
    return new Diagnostic(Severity.WARNING, code, message, location);
  }

  @JsonIgnore // not part of AWS's diagnostic shape
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code CODE: message at location}, the way AWS joins them in an InvalidDefinition message. */
  @Override
  public String toString() {
    return code + ": " + message + " at " + location;
  }
}
