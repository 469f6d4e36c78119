package io.statecraft.asl.read;

import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.ValidationOptions;
import java.util.ArrayList;
import java.util.List;

/** What every reader shares while one definition is read. */
final class ReadContext {

  /** A Map {@code Label} and where it was written, for the uniqueness check. */
  record LabelUse(String label, String location) {}

  final Problems problems;
  final ValidationOptions options;
  final List<LabelUse> labels = new ArrayList<>();
  private QueryLanguage topLanguage = QueryLanguage.JSONPATH;

  ReadContext(Problems problems, ValidationOptions options) {
    this.problems = problems;
    this.options = options;
  }

  QueryLanguage topLanguage() {
    return topLanguage;
  }

  void topLanguage(QueryLanguage language) {
    this.topLanguage = language;
  }

  /** A mark to compare with {@link #failedSince}. */
  int mark() {
    return problems.errorCount();
  }

  /** Whether any error was reported after the mark was taken. */
  boolean failedSince(int mark) {
    return problems.errorCount() > mark;
  }

  void error(DiagnosticCode code, String message, String location) {
    problems.error(code, message, location);
  }

  void schema(String message, String location) {
    problems.error(DiagnosticCode.SCHEMA_VALIDATION_FAILED, message, location);
  }

  void warning(DiagnosticCode code, String message, String location) {
    problems.warning(code, message, location);
  }
}
