package io.statecraft.asl.interpret;

import io.statecraft.asl.port.Clock;
import io.statecraft.asl.port.Entropy;
import java.util.Objects;

/**
 * Everything the core reaches the world through. In memory for tests ({@code interpret.memory});
 * Temporal activities, timers, child workflows and workflow time and randomness in production.
 *
 * @param tasks runs Task states
 * @param timers waits for Wait states and retries
 * @param branches runs Parallel branches and Map iterations
 * @param observer receives the history events
 * @param clock the time ({@code $$} timestamps, Wait deadlines, JSONata {@code $now()})
 * @param entropy randomness (retry jitter, UUIDs, map run ids)
 * @param suspension when to continue as a new run
 */
public record Ports(
    Tasks tasks,
    Timers timers,
    Branches branches,
    Observer observer,
    Clock clock,
    Entropy entropy,
    Suspension suspension) {

  public Ports {
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(timers, "timers");
    Objects.requireNonNull(branches, "branches");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(entropy, "entropy");
    Objects.requireNonNull(suspension, "suspension");
  }

  /** The same ports with another observer (used to keep a branch's events apart). */
  public Ports withObserver(Observer newObserver) {
    return new Ports(tasks, timers, branches, newObserver, clock, entropy, suspension);
  }
}
