package io.statecraft.asl.interpret;

/**
 * The history event types of {@code GetExecutionHistory}, with the name of the member that holds
 * each type's details.
 */
public enum HistoryEventType {
  ActivityFailed("activityFailedEventDetails"),
  ActivityScheduled("activityScheduledEventDetails"),
  ActivityScheduleFailed("activityScheduleFailedEventDetails"),
  ActivityStarted("activityStartedEventDetails"),
  ActivitySucceeded("activitySucceededEventDetails"),
  ActivityTimedOut("activityTimedOutEventDetails"),
  ChoiceStateEntered("stateEnteredEventDetails"),
  ChoiceStateExited("stateExitedEventDetails"),
  EvaluationFailed("evaluationFailedEventDetails"),
  ExecutionAborted("executionAbortedEventDetails"),
  ExecutionFailed("executionFailedEventDetails"),
  ExecutionStarted("executionStartedEventDetails"),
  ExecutionSucceeded("executionSucceededEventDetails"),
  ExecutionTimedOut("executionTimedOutEventDetails"),
  FailStateEntered("stateEnteredEventDetails"),
  LambdaFunctionFailed("lambdaFunctionFailedEventDetails"),
  LambdaFunctionScheduled("lambdaFunctionScheduledEventDetails"),
  LambdaFunctionScheduleFailed("lambdaFunctionScheduleFailedEventDetails"),
  LambdaFunctionStarted(null),
  LambdaFunctionSucceeded("lambdaFunctionSucceededEventDetails"),
  LambdaFunctionTimedOut("lambdaFunctionTimedOutEventDetails"),
  MapIterationAborted("mapIterationAbortedEventDetails"),
  MapIterationFailed("mapIterationFailedEventDetails"),
  MapIterationStarted("mapIterationStartedEventDetails"),
  MapIterationSucceeded("mapIterationSucceededEventDetails"),
  MapRunAborted(null),
  MapRunFailed("mapRunFailedEventDetails"),
  MapRunStarted("mapRunStartedEventDetails"),
  MapRunSucceeded(null),
  MapStateAborted(null),
  MapStateEntered("stateEnteredEventDetails"),
  MapStateExited("stateExitedEventDetails"),
  MapStateFailed(null),
  MapStateStarted("mapStateStartedEventDetails"),
  MapStateSucceeded(null),
  ParallelStateAborted(null),
  ParallelStateEntered("stateEnteredEventDetails"),
  ParallelStateExited("stateExitedEventDetails"),
  ParallelStateFailed(null),
  ParallelStateStarted(null),
  ParallelStateSucceeded(null),
  PassStateEntered("stateEnteredEventDetails"),
  PassStateExited("stateExitedEventDetails"),
  SucceedStateEntered("stateEnteredEventDetails"),
  SucceedStateExited("stateExitedEventDetails"),
  TaskFailed("taskFailedEventDetails"),
  TaskScheduled("taskScheduledEventDetails"),
  TaskStarted("taskStartedEventDetails"),
  TaskStartFailed("taskStartFailedEventDetails"),
  TaskStateAborted(null),
  TaskStateEntered("stateEnteredEventDetails"),
  TaskStateExited("stateExitedEventDetails"),
  TaskSubmitFailed("taskSubmitFailedEventDetails"),
  TaskSubmitted("taskSubmittedEventDetails"),
  TaskSucceeded("taskSucceededEventDetails"),
  TaskTimedOut("taskTimedOutEventDetails"),
  WaitStateAborted(null),
  WaitStateEntered("stateEnteredEventDetails"),
  WaitStateExited("stateExitedEventDetails");

  private final String detailsMember;

  HistoryEventType(String detailsMember) {
    this.detailsMember = detailsMember;
  }

  /** The HistoryEvent member that holds this type's details, or {@code null} if it has none. */
  public String detailsMember() {
    return detailsMember;
  }

  /** {@code <Type>StateEntered} for a state type as spelled in ASL ({@code Pass}, {@code Map}…). */
  public static HistoryEventType entered(String stateType) {
    return valueOf(stateType + "StateEntered");
  }

  /** {@code <Type>StateExited}; Fail has none, since a Fail state never exits. */
  public static HistoryEventType exited(String stateType) {
    return valueOf(stateType + "StateExited");
  }
}
