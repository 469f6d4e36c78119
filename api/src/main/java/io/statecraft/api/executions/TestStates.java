package io.statecraft.api.executions;

/** {@code TestState}: evaluates one state on its own, outside any execution. */
public interface TestStates {

  /**
   * Runs the state in {@code command} on its input.
   *
   * @throws io.statecraft.api.error.ApiException {@code InvalidDefinition} when the state cannot be
   *     read, {@code ValidationException} for bad variables or context
   */
  ExecutionService.TestStateResult test(ExecutionService.TestStateCommand command);
}
