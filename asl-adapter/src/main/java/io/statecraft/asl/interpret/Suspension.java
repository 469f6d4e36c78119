package io.statecraft.asl.interpret;

/**
 * Port: decides when a run should stop and continue as a new run, to keep a Temporal history
 * bounded. The core asks at each top-level state boundary (never before the first state of a run);
 * when the answer is yes it returns {@link ExecutionOutcome.Suspended} with a {@link Snapshot} from
 * which {@link Interpreter#resume} continues exactly where it stopped.
 */
@FunctionalInterface
public interface Suspension {

  Suspension NEVER = nextState -> false;

  /** Whether to suspend before entering {@code nextState}. */
  boolean suspendBefore(String nextState);
}
