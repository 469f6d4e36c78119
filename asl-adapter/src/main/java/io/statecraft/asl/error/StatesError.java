package io.statecraft.asl.error;

import java.util.Optional;

/** The predefined error names of the Amazon States Language. Tasks may raise any other name. */
public enum StatesError {
  ALL("States.ALL"),
  DATA_LIMIT_EXCEEDED("States.DataLimitExceeded"),
  RUNTIME("States.Runtime"),
  HEARTBEAT_TIMEOUT("States.HeartbeatTimeout"),
  TIMEOUT("States.Timeout"),
  TASK_FAILED("States.TaskFailed"),
  PERMISSIONS("States.Permissions"),
  RESULT_PATH_MATCH_FAILURE("States.ResultPathMatchFailure"),
  PARAMETER_PATH_FAILURE("States.ParameterPathFailure"),
  QUERY_EVALUATION_ERROR("States.QueryEvaluationError"),
  BRANCH_FAILED("States.BranchFailed"),
  NO_CHOICE_MATCHED("States.NoChoiceMatched"),
  INTRINSIC_FAILURE("States.IntrinsicFailure"),
  EXCEED_TOLERATED_FAILURE_THRESHOLD("States.ExceedToleratedFailureThreshold"),
  ITEM_READER_FAILED("States.ItemReaderFailed"),
  RESULT_WRITER_FAILED("States.ResultWriterFailed");

  private final String errorName;

  StatesError(String errorName) {
    this.errorName = errorName;
  }

  /** The name as it appears in definitions and histories, for example {@code States.Timeout}. */
  public String errorName() {
    return errorName;
  }

  public static Optional<StatesError> byName(String name) {
    for (StatesError e : values()) {
      if (e.errorName.equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
