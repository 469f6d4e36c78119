package io.statecraft.asl.validate;

import java.util.List;
import java.util.Objects;

/**
 * The shape of one graph of a definition (the state machine, a Parallel branch or a Map item
 * processor) as far as the graph checks need it: names, transitions and terminal states, each with
 * its JSON-pointer location. The reader builds it from the raw definition, leniently, so that graph
 * problems are found even when some fields are invalid.
 *
 * @param location the pointer of the graph object ({@code ""} for the state machine itself)
 * @param startAt the {@code StartAt} value, or {@code null} when it is missing or not a string
 * @param states the states in definition order
 */
public record GraphOutline(String location, String startAt, List<StateOutline> states) {

  public GraphOutline {
    Objects.requireNonNull(location, "location");
    states = List.copyOf(states);
  }

  /** The pointer of this graph's {@code StartAt} field. */
  public String startAtLocation() {
    return location + "/StartAt";
  }

  /**
   * One state.
   *
   * @param name the state's name
   * @param location the pointer of the state object
   * @param terminal whether the state ends its graph: {@code Succeed}, {@code Fail} or {@code
   *     "End": true}
   * @param transitions every {@code Next}, {@code Default} and {@code Catch[].Next} it names
   * @param children the graphs nested in it: Parallel branches, or a Map's item processor
   */
  public record StateOutline(
      String name,
      String location,
      boolean terminal,
      List<Transition> transitions,
      List<GraphOutline> children) {

    public StateOutline {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(location, "location");
      transitions = List.copyOf(transitions);
      children = List.copyOf(children);
    }
  }

  /**
   * A transition to a named state.
   *
   * @param target the state named
   * @param location the pointer of the field that names it
   */
  public record Transition(String target, String location) {

    public Transition {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(location, "location");
    }
  }
}
