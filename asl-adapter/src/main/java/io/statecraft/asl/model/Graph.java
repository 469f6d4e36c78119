package io.statecraft.asl.model;

import io.statecraft.asl.model.state.State;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A set of states with a start: the state machine itself, a Parallel branch or a Map item
 * processor. States keep the order in which the definition lists them.
 *
 * @param comment the {@code Comment}, or {@code null}
 * @param startAt the name of the first state
 * @param states the states by name, in definition order
 */
public record Graph(String comment, String startAt, Map<String, State> states) {

  public Graph {
    Objects.requireNonNull(startAt, "startAt");
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** The state of that name; {@code IllegalArgumentException} if there is none. */
  public State state(String name) {
    State state = states.get(name);
    if (state == null) {
      throw new IllegalArgumentException("no state named '" + name + "'");
    }
    return state;
  }

  public State start() {
    return state(startAt);
  }
}
