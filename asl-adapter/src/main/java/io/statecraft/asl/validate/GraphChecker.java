package io.statecraft.asl.validate;

import io.statecraft.asl.validate.GraphOutline.StateOutline;
import io.statecraft.asl.validate.GraphOutline.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole graph, run after the field checks: unique state names, transition
 * targets, terminal states and reachability, in every nested graph too.
 *
 * <p>Within each graph the order is AWS's: missing targets first, then a missing terminal state,
 * then unreachable states. A graph without any terminal state gets no reachability diagnostics, as
 * on AWS.
 */
public final class GraphChecker {

  private GraphChecker() {}

  /** Every graph problem of the state machine whose top-level graph is {@code root}. */
  public static List<Diagnostic> check(GraphOutline root) {
    List<Diagnostic> out = new ArrayList<>();
    duplicateNames(root, new HashSet<>(), out);
    Map<String, String> everyName = new HashMap<>();
    collectNames(root, everyName);
    checkGraph(root, true, everyName, out);
    return out;
  }

  // State names are unique across the whole state machine, nested graphs included.
  private static void duplicateNames(GraphOutline graph, Set<String> seen, List<Diagnostic> out) {
    for (StateOutline state : graph.states()) {
      if (!seen.add(state.name())) {
        out.add(
            Diagnostic.error(
                DiagnosticCode.DUPLICATE_STATE_NAME,
                "Duplicate State name: " + state.name(),
                state.location()));
      }
      for (GraphOutline child : state.children()) {
        duplicateNames(child, seen, out);
      }
    }
  }

  private static void collectNames(GraphOutline graph, Map<String, String> names) {
    for (StateOutline state : graph.states()) {
      names.putIfAbsent(state.name(), graph.location());
      for (GraphOutline child : state.children()) {
        collectNames(child, names);
      }
    }
  }

  private static void checkGraph(
      GraphOutline graph, boolean top, Map<String, String> everyName, List<Diagnostic> out) {
    Map<String, StateOutline> byName = new HashMap<>();
    for (StateOutline state : graph.states()) {
      byName.putIfAbsent(state.name(), state);
    }

    boolean complete = graph.startAt() != null;
    if (graph.startAt() != null && !byName.containsKey(graph.startAt())) {
      out.add(missingTarget(graph.startAt(), graph.startAtLocation(), everyName, graph));
      complete = false;
    }
    for (StateOutline state : graph.states()) {
      for (Transition t : state.transitions()) {
        if (!byName.containsKey(t.target())) {
          out.add(missingTarget(t.target(), t.location(), everyName, graph));
          complete = false;
        }
      }
    }

    boolean anyTerminal = graph.states().stream().anyMatch(StateOutline::terminal);
    if (!graph.states().isEmpty() && !anyTerminal) {
      // AWS reports this for the workflow without a location. For a nested graph we give the
      // graph's location, which AWS does not document; the message is AWS's.
      out.add(
          Diagnostic.error(
              DiagnosticCode.MISSING_END_STATE,
              "Workflow has no terminal state",
              top ? null : graph.location()));
    } else if (anyTerminal && graph.startAt() != null) {
      reachability(graph, byName, complete, out);
    }

    for (StateOutline state : graph.states()) {
      for (GraphOutline child : state.children()) {
        checkGraph(child, false, everyName, out);
      }
    }
  }

  private static Diagnostic missingTarget(
      String target, String location, Map<String, String> everyName, GraphOutline graph) {
    String message = "Missing 'Next' target: " + target;
    String elsewhere = everyName.get(target);
    if (elsewhere != null && !elsewhere.equals(graph.location())) {
      message +=
          " (a state named '"
              + target
              + "' exists, but in another graph; a transition cannot leave its Parallel branch or"
              + " Map item processor, nor enter one)";
    }
    return Diagnostic.error(DiagnosticCode.MISSING_TRANSITION_TARGET, message, location);
  }

  /**
   * @param complete whether StartAt and every transition name a state of the graph; the warnings
   *     beyond AWS's rule are only given for such a graph, where they mean something
   */
  private static void reachability(
      GraphOutline graph,
      Map<String, StateOutline> byName,
      boolean complete,
      List<Diagnostic> out) {
    // AWS's rule: a state is unreachable when neither StartAt nor another state names it.
    Set<String> referenced = new HashSet<>();
    if (graph.startAt() != null) {
      referenced.add(graph.startAt());
    }
    for (StateOutline state : graph.states()) {
      for (Transition t : state.transitions()) {
        if (!t.target().equals(state.name())) {
          referenced.add(t.target());
        }
      }
    }
    Set<String> unreferenced = new HashSet<>();
    for (StateOutline state : graph.states()) {
      if (!referenced.contains(state.name()) && unreferenced.add(state.name())) {
        out.add(
            Diagnostic.error(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "State \"" + state.name() + "\" is not reachable.",
                state.location()));
      }
    }
    if (!complete) {
      return;
    }

    // Beyond AWS: states that are named somewhere but that no path from StartAt reaches (for
    // example a loop of states that only name each other), and states from which no terminal
    // state can be reached. AWS accepts both, so they are warnings.
    Set<String> fromStart = walk(graph.startAt(), byName);
    for (StateOutline state : graph.states()) {
      if (!fromStart.contains(state.name()) && !unreferenced.contains(state.name())) {
        unreferenced.add(state.name());
        out.add(
            Diagnostic.warning(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "State \""
                    + state.name()
                    + "\" is not reachable from StartAt: only states that are never entered name"
                    + " it.",
                state.location()));
      }
    }
    Set<String> canEnd = statesThatCanEnd(graph, byName);
    for (StateOutline state : graph.states()) {
      if (fromStart.contains(state.name()) && !canEnd.contains(state.name())) {
        out.add(
            Diagnostic.warning(
                DiagnosticCode.MISSING_END_STATE,
                "No terminal state can be reached from state \""
                    + state.name()
                    + "\": an execution that enters it can only end by failing or timing out.",
                state.location()));
      }
    }
  }

  private static Set<String> walk(String start, Map<String, StateOutline> byName) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String name = todo.removeFirst();
      StateOutline state = byName.get(name);
      if (state == null || !seen.add(name)) {
        continue;
      }
      for (Transition t : state.transitions()) {
        todo.addLast(t.target());
      }
    }
    return seen;
  }

  // Walks the transitions backwards from every terminal state.
  private static Set<String> statesThatCanEnd(
      GraphOutline graph, Map<String, StateOutline> byName) {
    Map<String, List<String>> predecessors = new HashMap<>();
    for (StateOutline state : graph.states()) {
      for (Transition t : state.transitions()) {
        predecessors.computeIfAbsent(t.target(), k -> new ArrayList<>()).add(state.name());
      }
    }
    Set<String> canEnd = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (StateOutline state : graph.states()) {
      if (state.terminal()) {
        todo.add(state.name());
      }
    }
    while (!todo.isEmpty()) {
      String name = todo.removeFirst();
      if (!byName.containsKey(name) || !canEnd.add(name)) {
        continue;
      }
      todo.addAll(predecessors.getOrDefault(name, List.of()));
    }
    return canEnd;
  }
}
