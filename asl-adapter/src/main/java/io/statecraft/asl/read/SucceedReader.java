package io.statecraft.asl.read;

import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.model.state.SucceedState;

/** {@code "Type": "Succeed"}. */
final class SucceedReader {

  private SucceedReader() {}

  static State read(StateSite s) {
    int mark = s.cx().mark();
    String comment = s.comment();
    DataFlow dataFlow = Common.dataFlow(s.o(), s.language(), Common.DataFlowKind.INPUT_OUTPUT);
    if (s.cx().failedSince(mark)) {
      return null;
    }
    return new SucceedState(s.name(), comment, s.language(), dataFlow);
  }
}
