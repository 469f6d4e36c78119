package io.statecraft.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The activity a {@code arn:aws:states:::states:startExecution} Task calls before it starts the
 * child execution: the platform resolves the target in its state machine registry and records the
 * execution, so that the child is an execution like any other ({@code DescribeExecution}, {@code
 * ListExecutions}, {@code StopExecution}). The workflow then starts {@link ExecutionWorkflow} with
 * the returned request as a child workflow and, for {@code .sync}, waits for it.
 *
 * <p>The api implements it from its registry and registers it on the platform's worker (activity
 * type {@value #ACTIVITY_TYPE}, routed like every activity type); {@code
 * io.statecraft.workflows.testing.InMemoryNestedExecutions} implements it for tests.
 *
 * <p>It must be idempotent: Temporal may run it more than once, and the same request must then
 * return the same execution. A failure must be an {@code ApplicationFailure} whose type is the
 * error AWS's integration reports, which the Task state's Retry and Catch see: {@code
 * StepFunctions.StateMachineDoesNotExistException}, {@code StepFunctions.InvalidArnException},
 * {@code StepFunctions.ExecutionAlreadyExistsException}, {@code
 * StepFunctions.InvalidExecutionInputException}, {@code StepFunctions.InvalidNameException}, with
 * AWS's message as the failure's message.
 */
@ActivityInterface
public interface NestedExecutions {

  /** The activity type. */
  String ACTIVITY_TYPE = "StatecraftPrepareNestedExecution";

  /**
   * Resolves the state machine, version or alias, records the execution and returns the request to
   * start it with ({@link ExecutionRequest#start}).
   */
  @ActivityMethod(name = ACTIVITY_TYPE)
  ExecutionRequest prepare(NestedExecutionRequest request);
}
