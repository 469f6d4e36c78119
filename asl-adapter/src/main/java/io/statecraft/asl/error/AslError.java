package io.statecraft.asl.error;

import java.util.Objects;

/**
 * A runtime error as ASL sees it: an error name (an open set: the {@code States.*} names plus
 * anything a task reports) and an optional human-readable cause.
 *
 * @param error the error name, for example {@code States.Timeout} or {@code OrderNotFound}
 * @param cause the cause text, or {@code null} when none was given
 */
public record AslError(String error, String cause) {

  public AslError {
    Objects.requireNonNull(error, "error");
  }

  public static AslError of(StatesError error, String cause) {
    return new AslError(error.errorName(), cause);
  }

  public boolean is(StatesError statesError) {
    return statesError.errorName().equals(error);
  }
}
