package io.statecraft.asl.interpret;

import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.model.state.MapState;
import io.statecraft.asl.model.state.ParallelState;
import io.statecraft.asl.model.state.State;

/**
 * JSON pointers to the sub-graphs of a state machine ({@code /States/Fan/Branches/1}, {@code
 * /States/Items/ItemProcessor}), which name a branch in a form that survives serialisation.
 */
final class GraphPointers {

  private GraphPointers() {}

  static String branch(String parent, String stateName, int index) {
    return parent + "/States/" + escape(stateName) + "/Branches/" + index;
  }

  static String processor(String parent, MapState map) {
    return parent
        + "/States/"
        + escape(map.name())
        + (map.processor().legacy() ? "/Iterator" : "/ItemProcessor");
  }

  /** The graph a pointer names; {@code IllegalArgumentException} when it names none. */
  static Graph resolve(StateMachine machine, String pointer) {
    Graph graph = machine.graph();
    if (pointer.isEmpty() || pointer.equals("/")) {
      return graph;
    }
    String[] parts = pointer.substring(1).split("/", -1);
    int i = 0;
    while (i < parts.length) {
      if (!parts[i].equals("States") || i + 2 >= parts.length) {
        throw new IllegalArgumentException("not a sub-graph pointer: " + pointer);
      }
      String name = unescape(parts[i + 1]);
      State state = graph.states().get(name);
      if (state == null) {
        throw new IllegalArgumentException("no state '" + name + "' at " + pointer);
      }
      String field = parts[i + 2];
      if (state instanceof ParallelState p && field.equals("Branches") && i + 3 < parts.length) {
        int index = Integer.parseInt(parts[i + 3]);
        if (index < 0 || index >= p.branches().size()) {
          throw new IllegalArgumentException("no branch " + index + " at " + pointer);
        }
        graph = p.branches().get(index);
        i += 4;
      } else if (state instanceof MapState m
          && (field.equals("ItemProcessor") || field.equals("Iterator"))) {
        graph = m.processor().graph();
        i += 3;
      } else {
        throw new IllegalArgumentException("not a sub-graph pointer: " + pointer);
      }
    }
    return graph;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
