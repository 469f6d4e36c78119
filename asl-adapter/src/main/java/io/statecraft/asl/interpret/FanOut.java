package io.statecraft.asl.interpret;

import java.util.List;
import java.util.Objects;

/**
 * The branches of one Parallel state, or the iterations of one Map state, to run.
 *
 * @param stateName the Parallel or Map state
 * @param kind what kind of fan-out it is
 * @param branches the branches or iterations, in order
 * @param maxConcurrency the most that may run at once; 0 means no limit
 * @param tolerance when the failures are too many and the rest must stop
 */
public record FanOut(
    String stateName,
    FanOutKind kind,
    List<Branch> branches,
    int maxConcurrency,
    FailureTolerance tolerance) {

  public FanOut {
    Objects.requireNonNull(stateName, "stateName");
    Objects.requireNonNull(kind, "kind");
    branches = List.copyOf(branches);
    Objects.requireNonNull(tolerance, "tolerance");
    if (maxConcurrency < 0) {
      throw new IllegalArgumentException("maxConcurrency must not be negative");
    }
  }
}
