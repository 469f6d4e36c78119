package io.statecraft.asl.read;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.ValidationOptions;
import java.util.List;

/** Test helpers: every diagnostic a definition gets, unfiltered and uncapped. */
final class Found {

  private Found() {}

  static List<Diagnostic> diagnostics(String json) {
    return AslReader.read(json, ValidationOptions.DEFAULTS).diagnostics();
  }

  static List<Diagnostic> diagnostics(String json, ValidationOptions options) {
    return AslReader.read(json, options).diagnostics();
  }

  static List<Diagnostic> errors(String json) {
    return diagnostics(json).stream().filter(Diagnostic::isError).toList();
  }

  /** A state machine whose only state is the given one, named {@code S}. */
  static String single(String stateJson) {
    return "{\"StartAt\": \"S\", \"States\": {\"S\": " + stateJson + "}}";
  }
}
