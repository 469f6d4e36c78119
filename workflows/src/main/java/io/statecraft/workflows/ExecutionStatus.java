package io.statecraft.workflows;

/** The status of an execution, as {@code DescribeExecution} reports it. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED;

  /** Whether the execution has ended. */
  public boolean closed() {
    return this != RUNNING;
  }
}
