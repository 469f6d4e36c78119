package io.statecraft.asl.read;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics in the order they are found. */
final class Problems {

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private int errors;

  void error(DiagnosticCode code, String message, String location) {
    add(Diagnostic.error(code, message, location));
  }

  void warning(DiagnosticCode code, String message, String location) {
    add(Diagnostic.warning(code, message, location));
  }

  void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
    if (diagnostic.isError()) {
      errors++;
    }
  }

  void addAll(List<Diagnostic> more) {
    more.forEach(this::add);
  }

  int errorCount() {
    return errors;
  }

  boolean hasErrors() {
    return errors > 0;
  }

  List<Diagnostic> all() {
    return List.copyOf(diagnostics);
  }
}
