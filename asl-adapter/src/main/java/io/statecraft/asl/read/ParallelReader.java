package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.state.ParallelState;
import io.statecraft.asl.model.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code "Type": "Parallel"}. */
final class ParallelReader {

  private ParallelReader() {}

  static State read(StateSite s) {
    Obj o = s.o();
    ReadContext cx = s.cx();
    int mark = cx.mark();
    String comment = s.comment();
    Transition transition = Common.transition(o);
    List<Graph> branches = new ArrayList<>();
    ArrayNode array = o.array(Fields.BRANCHES);
    if (array == null && !o.has(Fields.BRANCHES)) {
      o.required(Fields.BRANCHES);
    } else if (array != null && array.isEmpty()) {
      cx.schema("The field 'Branches' should be non-empty", o.at(Fields.BRANCHES));
    } else if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        Obj branch = o.element(Fields.BRANCHES, array, i);
        if (branch == null) {
          continue;
        }
        branch.checkFields(Schemas.BRANCH, s.language());
        GraphReader.GraphRead read = GraphReader.read(branch, s.depth() + 1);
        s.children().add(read.outline());
        if (read.graph() != null) {
          branches.add(read.graph());
        }
      }
    }
    DataFlow dataFlow = Common.dataFlow(o, s.language(), Common.DataFlowKind.TASK);
    Optional<Template> assign =
        Common.assign(o, s.language(), Common.DataFlowKind.TASK.outputScope());
    List<Retrier> retry = Common.retry(o);
    List<Catcher> catchers = Common.catchers(o, s.language());
    if (cx.failedSince(mark)) {
      return null;
    }
    return new ParallelState(
        s.name(), comment, s.language(), transition, branches, dataFlow, assign, retry, catchers);
  }
}
