package io.statecraft.asl.read;

import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.validate.GraphOutline;
import java.util.List;

/** Reads one state: finds its type and language, checks its fields, and hands it to its reader. */
final class StateReader {

  private StateReader() {}

  /**
   * @param children where Parallel and Map states put the outlines of their nested graphs
   * @return the state, or {@code null} when it has errors (all of them reported)
   */
  static State read(Obj so, String name, int depth, List<GraphOutline> children) {
    String type = so.requiredString(Fields.TYPE);
    if (type == null) {
      return null;
    }
    if (!Schemas.STATE_TYPES.contains(type)) {
      so.cx.schema(
          "The field 'Type' should have one of these values: " + Schemas.STATE_TYPES,
          so.at(Fields.TYPE));
      return null;
    }
    QueryLanguage language = GraphReader.language(so);
    StateSite site = new StateSite(so, name, language, depth, children);
    int mark = so.cx.mark();
    State state =
        switch (type) {
          case "Task" -> {
            so.checkFields(Schemas.TASK, language);
            yield TaskReader.read(site);
          }
          case "Pass" -> {
            so.checkFields(Schemas.PASS, language);
            yield PassReader.read(site);
          }
          case "Choice" -> {
            so.checkFields(Schemas.CHOICE, language);
            yield ChoiceReader.read(site);
          }
          case "Wait" -> {
            so.checkFields(Schemas.WAIT, language);
            yield WaitReader.read(site);
          }
          case "Succeed" -> {
            so.checkFields(Schemas.SUCCEED, language);
            yield SucceedReader.read(site);
          }
          case "Fail" -> {
            so.checkFields(Schemas.FAIL, language);
            yield FailReader.read(site);
          }
          case "Parallel" -> {
            so.checkFields(Schemas.PARALLEL, language);
            yield ParallelReader.read(site);
          }
          case "Map" -> {
            so.checkFields(Schemas.MAP, language);
            yield MapReader.read(site);
          }
          default -> throw new IllegalStateException("unchecked state type " + type);
        };
    return so.cx.failedSince(mark) ? null : state;
  }
}
