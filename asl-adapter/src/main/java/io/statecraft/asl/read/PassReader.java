package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.state.PassState;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.validate.DiagnosticCode;
import java.util.Map;
import java.util.Optional;

/** {@code "Type": "Pass"}. */
final class PassReader {

  private PassReader() {}

  static State read(StateSite s) {
    Obj o = s.o();
    int mark = s.cx().mark();
    String comment = s.comment();
    Transition transition = Common.transition(o);
    DataFlow dataFlow = Common.dataFlow(o, s.language(), Common.DataFlowKind.PASS);
    Optional<JsonNode> result = Optional.empty();
    if (s.language() == QueryLanguage.JSONPATH && o.has(Fields.RESULT)) {
      result = Optional.of(o.get(Fields.RESULT));
      warnDynamicKeys(s.cx(), o.get(Fields.RESULT), o.at(Fields.RESULT));
    }
    Optional<Template> assign = Common.assign(o, s.language());
    if (s.cx().failedSince(mark)) {
      return null;
    }
    return new PassState(s.name(), comment, s.language(), transition, dataFlow, result, assign);
  }

  // Result is taken as written: a ".$" key in it is not evaluated.
  private static void warnDynamicKeys(ReadContext cx, JsonNode node, String at) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String location = Pointer.child(at, e.getKey());
        if (e.getKey().endsWith(Fields.DYNAMIC_SUFFIX)) {
          cx.warning(
              DiagnosticCode.PASS_RESULT_IS_STATIC,
              "The field '"
                  + e.getKey()
                  + "' of a Pass state's Result is not evaluated: Result is static. Use"
                  + " Parameters to compute values from paths",
              location);
        }
        warnDynamicKeys(cx, e.getValue(), location);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        warnDynamicKeys(cx, node.get(i), Pointer.child(at, i));
      }
    }
  }
}
