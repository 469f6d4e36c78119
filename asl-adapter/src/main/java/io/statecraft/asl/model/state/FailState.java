package io.statecraft.asl.model.state;

import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.ValueSource;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Fail"}: ends the execution with an error.
 *
 * @param error Error or ErrorPath (or a JSONata Error), if any
 * @param cause Cause or CausePath (or a JSONata Cause), if any
 */
public record FailState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Optional<ValueSource> error,
    Optional<ValueSource> cause)
    implements State {

  public FailState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(cause, "cause");
  }
}
