package io.statecraft.asl.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * State names are unique across a whole state machine, nested graphs included, but the grammar
 * builds each graph on its own: this renames the states of nested graphs whose names an earlier
 * graph took, together with every transition in that graph that names them.
 */
final class Uniqueness {

  private Uniqueness() {}

  static ObjectNode renameStates(ObjectNode definition) {
    ObjectNode copy = definition.deepCopy();
    renameGraph(copy, new HashSet<>());
    return copy;
  }

  private static void renameGraph(ObjectNode graph, Set<String> taken) {
    if (!(graph.get("States") instanceof ObjectNode states)) {
      return;
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      String name = e.getKey();
      String unique = name;
      for (int i = 2; !taken.add(unique); i++) {
        unique = name + " " + i;
      }
      renamed.put(name, unique);
    }
    ObjectNode newStates = graph.objectNode();
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      newStates.set(renamed.get(e.getKey()), e.getValue());
    }
    graph.set("States", newStates);
    rename(graph, "StartAt", renamed);
    for (JsonNode state : newStates) {
      if (!(state instanceof ObjectNode s)) {
        continue;
      }
      rename(s, "Next", renamed);
      rename(s, "Default", renamed);
      for (String list : new String[] {"Choices", "Catch"}) {
        if (s.get(list) != null) {
          for (JsonNode element : s.get(list)) {
            if (element instanceof ObjectNode o) {
              rename(o, "Next", renamed);
            }
          }
        }
      }
      if (s.get("Branches") != null) {
        for (JsonNode branch : s.get("Branches")) {
          if (branch instanceof ObjectNode b) {
            renameGraph(b, taken);
          }
        }
      }
      for (String processor : new String[] {"ItemProcessor", "Iterator"}) {
        if (s.get(processor) instanceof ObjectNode p) {
          renameGraph(p, taken);
        }
      }
    }
  }

  private static void rename(ObjectNode o, String field, Map<String, String> renamed) {
    JsonNode value = o.get(field);
    if (value != null && value.isTextual() && renamed.containsKey(value.textValue())) {
      o.put(field, renamed.get(value.textValue()));
    }
  }
}
