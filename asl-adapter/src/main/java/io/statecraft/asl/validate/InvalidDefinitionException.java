package io.statecraft.asl.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition that cannot be read because it has errors. It carries every diagnostic found, not
 * only the first; its message lists the errors the way AWS's {@code InvalidDefinition} error does.
 */
public final class InvalidDefinitionException extends RuntimeException {

  private final transient List<Diagnostic> diagnostics;

  public InvalidDefinitionException(List<Diagnostic> diagnostics) {
    super(message(diagnostics), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** All diagnostics found, errors and warnings, in the order they were found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Only the errors. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  private static String message(List<Diagnostic> diagnostics) {
    return "Invalid State Machine Definition: '"
        + diagnostics.stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::toString)
            .collect(Collectors.joining(", "))
        + "'";
  }
}
