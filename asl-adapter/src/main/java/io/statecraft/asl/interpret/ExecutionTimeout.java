package io.statecraft.asl.interpret;

/**
 * The execution reached the end of its {@code TimeoutSeconds}. Not an ASL failure: nothing catches
 * it; it unwinds to the top of the run, which records {@code ExecutionTimedOut}.
 */
final class ExecutionTimeout extends RuntimeException {
  ExecutionTimeout() {
    super("execution timed out", null, false, false);
  }
}
