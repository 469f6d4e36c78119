package io.statecraft.asl.read;

import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.model.state.WaitState;
import java.util.List;
import java.util.Optional;

/** {@code "Type": "Wait"}. */
final class WaitReader {

  private WaitReader() {}

  static State read(StateSite s) {
    Obj o = s.o();
    ReadContext cx = s.cx();
    int mark = cx.mark();
    String comment = s.comment();
    Transition transition = Common.transition(o);
    WaitState.WaitFor until = until(o, s.language());
    DataFlow dataFlow = Common.dataFlow(o, s.language(), Common.DataFlowKind.INPUT_OUTPUT);
    Optional<Template> assign = Common.assign(o, s.language());
    if (cx.failedSince(mark)) {
      return null;
    }
    return new WaitState(s.name(), comment, s.language(), transition, until, dataFlow, assign);
  }

  private static WaitState.WaitFor until(Obj o, QueryLanguage language) {
    List<String> fields =
        language == QueryLanguage.JSONPATH
            ? List.of(Fields.SECONDS, Fields.SECONDS_PATH, Fields.TIMESTAMP, Fields.TIMESTAMP_PATH)
            : List.of(Fields.SECONDS, Fields.TIMESTAMP);
    if (fields.stream().noneMatch(o::has)) {
      o.cx.schema("One of the following fields is required: " + fields, o.where());
      return null;
    }
    if (!o.atMostOne(fields.toArray(String[]::new))) {
      return null;
    }
    if (o.has(Fields.SECONDS) || o.has(Fields.SECONDS_PATH)) {
      // Zero is allowed: AWS accepts "Seconds": 0.
      Optional<ValueSource> seconds =
          Literals.read(
              o,
              language,
              Fields.SECONDS,
              Fields.SECONDS_PATH,
              Literals.integer(0, Common.MAX_SECONDS),
              Expressions.PathKind.REFERENCE);
      return seconds.map(WaitState.Seconds::new).orElse(null);
    }
    Optional<ValueSource> timestamp =
        Literals.read(
            o,
            language,
            Fields.TIMESTAMP,
            Fields.TIMESTAMP_PATH,
            Literals.TIMESTAMP,
            Expressions.PathKind.REFERENCE);
    return timestamp.map(WaitState.Timestamp::new).orElse(null);
  }
}
