package io.statecraft.asl.interpret;

/** Runs one branch or iteration in this process. */
@FunctionalInterface
public interface BranchBody {

  /**
   * Runs the sub-graph to its end. ASL failures come back as a failed outcome; any exception is
   * something else (such as a cancellation) and propagates.
   */
  BranchOutcome run();
}
