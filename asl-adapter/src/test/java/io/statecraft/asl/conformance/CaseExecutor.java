package io.statecraft.asl.conformance;

/** Runs one conformance case on some engine. */
@FunctionalInterface
public interface CaseExecutor {

  /**
   * Runs the case. Problems of the engine (a definition it rejects, an exception) are reported as
   * {@link ActualRun#notRun}, not thrown.
   */
  ActualRun execute(ConformanceCase c);
}
