package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.GraphOutline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a graph (the state machine, a Parallel branch, a Map item processor) and its states. */
final class GraphReader {

  /**
   * How deep Parallel and Map states may nest. AWS documents no figure; this bound keeps reading
   * linear and is far beyond any real definition.
   */
  static final int MAX_DEPTH = 100;

  /** The longest state name AWS accepts, in characters. */
  static final int MAX_STATE_NAME_LENGTH = 80;

  /** A graph as read: the model ({@code null} when it has errors) and its outline. */
  record GraphRead(Graph graph, GraphOutline outline) {}

  private GraphReader() {}

  /**
   * Reads {@code StartAt}, {@code States} and {@code Comment}; the caller has checked the graph
   * object's other fields.
   *
   * @param depth 0 for the state machine, one more for each enclosing Parallel or Map
   */
  static GraphRead read(Obj g, int depth) {
    ReadContext cx = g.cx;
    if (depth > MAX_DEPTH) {
      cx.error(
          DiagnosticCode.TOO_DEEPLY_NESTED,
          "The states are too deeply nested: Parallel and Map states may nest at most "
              + MAX_DEPTH
              + " levels deep",
          g.where());
      return new GraphRead(null, new GraphOutline(g.at, null, List.of()));
    }
    int mark = cx.mark();
    String comment = g.string(Fields.COMMENT);
    String startAt = g.requiredString(Fields.START_AT);
    Map<String, State> states = new LinkedHashMap<>();
    List<GraphOutline.StateOutline> outlines = new ArrayList<>();
    JsonNode statesNode = g.get(Fields.STATES);
    if (statesNode == null) {
      g.required(Fields.STATES);
    } else if (!(statesNode instanceof ObjectNode statesObject)) {
      g.typeError(Fields.STATES, "an object");
    } else if (statesObject.isEmpty()) {
      cx.schema("The field 'States' should be non-empty", g.at(Fields.STATES));
    } else {
      String statesAt = g.at(Fields.STATES);
      for (Map.Entry<String, JsonNode> entry : statesObject.properties()) {
        String name = entry.getKey();
        String at = Pointer.child(statesAt, name);
        checkName(cx, name, at);
        if (!(entry.getValue() instanceof ObjectNode stateNode)) {
          cx.schema("The state '" + name + "' must be an object", at);
          // Counted as terminal so that one error does not cascade into graph errors.
          outlines.add(new GraphOutline.StateOutline(name, at, true, List.of(), List.of()));
          continue;
        }
        Obj so = new Obj(stateNode, at, cx);
        List<GraphOutline> children = new ArrayList<>();
        State state = StateReader.read(so, name, depth, children);
        if (state != null) {
          states.put(name, state);
        }
        outlines.add(outline(so, name, children));
      }
    }
    GraphOutline outline = new GraphOutline(g.at, startAt, outlines);
    if (cx.failedSince(mark) || startAt == null) {
      return new GraphRead(null, outline);
    }
    return new GraphRead(new Graph(comment, startAt, states), outline);
  }

  private static void checkName(ReadContext cx, String name, String at) {
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      cx.error(DiagnosticCode.INVALID_STATE_NAME, "A state name must not be empty", at);
    } else if (length > MAX_STATE_NAME_LENGTH) {
      cx.error(
          DiagnosticCode.INVALID_STATE_NAME,
          "The state name is "
              + length
              + " characters long; state names must be at most "
              + MAX_STATE_NAME_LENGTH
              + " characters",
          at);
    }
  }

  // Transitions are taken from the raw definition, leniently, so that graph problems are found
  // even in a state whose other fields are wrong.
  private static GraphOutline.StateOutline outline(
      Obj so, String name, List<GraphOutline> children) {
    JsonNode typeNode = so.get(Fields.TYPE);
    String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : "";
    List<GraphOutline.Transition> transitions = new ArrayList<>();
    boolean terminal =
        switch (type) {
          case "Succeed", "Fail" -> true;
          case "Choice" -> false;
          case "Task", "Pass", "Wait", "Parallel", "Map" ->
              so.get(Fields.END) != null && so.get(Fields.END).asBoolean(false);
          // A state of unknown type is already an error; counting it as terminal keeps that one
          // error from cascading into graph errors.
          default -> true;
        };
    switch (type) {
      case "Succeed", "Fail" -> {}
      case "Choice" -> {
        List<JsonNode> choices = elements(so.get(Fields.CHOICES));
        for (int i = 0; i < choices.size(); i++) {
          addTarget(
              transitions,
              choices.get(i).get(Fields.NEXT),
              Pointer.child(Pointer.child(so.at(Fields.CHOICES), i), Fields.NEXT));
        }
        addTarget(transitions, so.get(Fields.DEFAULT), so.at(Fields.DEFAULT));
      }
      default -> {
        addTarget(transitions, so.get(Fields.NEXT), so.at(Fields.NEXT));
        List<JsonNode> catchers = elements(so.get(Fields.CATCH));
        for (int i = 0; i < catchers.size(); i++) {
          addTarget(
              transitions,
              catchers.get(i).get(Fields.NEXT),
              Pointer.child(Pointer.child(so.at(Fields.CATCH), i), Fields.NEXT));
        }
      }
    }
    return new GraphOutline.StateOutline(name, so.at, terminal, transitions, children);
  }

  private static List<JsonNode> elements(JsonNode node) {
    List<JsonNode> elements = new ArrayList<>();
    if (node instanceof ArrayNode array) {
      array.forEach(elements::add);
    }
    return elements;
  }

  private static void addTarget(
      List<GraphOutline.Transition> transitions, JsonNode target, String at) {
    if (target != null && target.isTextual()) {
      transitions.add(new GraphOutline.Transition(target.textValue(), at));
    }
  }

  /** The language of a state: its own {@code QueryLanguage}, else the state machine's. */
  static QueryLanguage language(Obj so) {
    ReadContext cx = so.cx;
    JsonNode declared = so.get(Fields.QUERY_LANGUAGE);
    if (declared == null) {
      return cx.topLanguage();
    }
    QueryLanguage language = queryLanguage(so);
    if (language == QueryLanguage.JSONPATH && cx.topLanguage() == QueryLanguage.JSONATA) {
      cx.schema(
          "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
          so.where());
    }
    return language;
  }

  /**
   * Reads a {@code QueryLanguage} field. As on AWS, only the exact string {@code JSONPath} means
   * JSONPath; any other value, once reported, is treated as JSONata.
   */
  static QueryLanguage queryLanguage(Obj o) {
    JsonNode raw = o.get(Fields.QUERY_LANGUAGE);
    if (raw == null) {
      return QueryLanguage.JSONPATH;
    }
    o.oneOf(Fields.QUERY_LANGUAGE, Schemas.QUERY_LANGUAGES);
    return raw.isTextual() && raw.textValue().equals(QueryLanguage.JSONPATH.aslName())
        ? QueryLanguage.JSONPATH
        : QueryLanguage.JSONATA;
  }
}
