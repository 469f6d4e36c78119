package io.statecraft.asl.read;

import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.validate.GraphOutline;
import java.util.List;

/**
 * One state being read: its object, its name, its effective query language, how deep its graph is
 * nested, and where nested graphs put their outlines for the graph checks.
 */
record StateSite(
    Obj o, String name, QueryLanguage language, int depth, List<GraphOutline> children) {

  ReadContext cx() {
    return o.cx();
  }

  String comment() {
    return o.string(Fields.COMMENT);
  }
}
