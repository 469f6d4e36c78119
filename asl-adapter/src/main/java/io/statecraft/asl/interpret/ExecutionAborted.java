package io.statecraft.asl.interpret;

/**
 * Thrown by a port when the execution is being stopped from outside (StopExecution, a workflow
 * cancellation). The core records the {@code *StateAborted} / {@code MapIterationAborted} and
 * {@code ExecutionAborted} events and ends the run with {@link ExecutionOutcome.Aborted}.
 */
public final class ExecutionAborted extends RuntimeException {

  private final String error;
  private final String cause;

  public ExecutionAborted(String error, String cause) {
    super("execution aborted" + (error == null ? "" : ": " + error), null, false, false);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
