package io.statecraft.asl.model;

import java.util.Objects;

/** Where a state goes once it completes: to a named state, or to the end of its graph. */
public sealed interface Transition permits Transition.Next, Transition.End {

  /** {@code "Next": "<state>"}. */
  record Next(String state) implements Transition {
    public Next {
      Objects.requireNonNull(state, "state");
    }
  }

  /** {@code "End": true}. */
  record End() implements Transition {}
}
