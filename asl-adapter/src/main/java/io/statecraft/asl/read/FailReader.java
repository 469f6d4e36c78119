package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.ValueSource;
import io.statecraft.asl.model.state.FailState;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.validate.DiagnosticCode;
import java.util.Optional;

/** {@code "Type": "Fail"}. */
final class FailReader {

  private FailReader() {}

  static State read(StateSite s) {
    Obj o = s.o();
    ReadContext cx = s.cx();
    int mark = cx.mark();
    String comment = s.comment();
    Optional<ValueSource> error = value(o, s.language(), Fields.ERROR, Fields.ERROR_PATH);
    Optional<ValueSource> cause = value(o, s.language(), Fields.CAUSE, Fields.CAUSE_PATH);
    if (cx.failedSince(mark)) {
      return null;
    }
    return new FailState(s.name(), comment, s.language(), error, cause);
  }

  private static Optional<ValueSource> value(
      Obj o, QueryLanguage language, String field, String pathField) {
    if (language == QueryLanguage.JSONATA) {
      return Literals.read(o, language, field, null, Literals.STRING, Expressions.PathKind.ANY);
    }
    if (!o.atMostOne(field, pathField)) {
      return Optional.empty();
    }
    if (o.has(pathField)) {
      // ErrorPath and CausePath take a reference path or an intrinsic function call.
      String text = o.string(pathField);
      if (text == null) {
        return Optional.empty();
      }
      Expression expression = Expressions.pathOrIntrinsic(o.cx, pathField, text, o.at(pathField));
      if (expression instanceof PathExpr path && !path.isReferencePath()) {
        o.cx.schema("Value is not a Reference Path", o.at(pathField));
        return Optional.empty();
      }
      return expression == null
          ? Optional.empty()
          : Optional.of(new ValueSource.Dynamic(pathField, expression));
    }
    String literal = o.string(field);
    if (literal == null) {
      return Optional.empty();
    }
    if (Expressions.looksDynamic(literal)) {
      o.cx.warning(
          DiagnosticCode.NO_PATH,
          "The value of the field '"
              + field
              + "' looks like a path or an intrinsic function call, but it is used as a literal"
              + " string; use '"
              + pathField
              + "' to take the value from a path",
          o.at(field));
    }
    JsonNode value = o.get(field);
    return Optional.of(new ValueSource.Literal(value));
  }
}
