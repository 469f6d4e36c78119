package io.statecraft.asl.model.state;

import io.statecraft.asl.model.QueryLanguage;

/** One state of a graph. There is one record per ASL {@code Type}. */
public sealed interface State
    permits TaskState,
        PassState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  /** The state's name, its key in {@code States}. */
  String name();

  /** The {@code Comment}, or {@code null}. */
  String comment();

  /** The effective query language: the state's own, else the state machine's. */
  QueryLanguage queryLanguage();

  /** The {@code Type} as spelled in ASL. */
  default String type() {
    return switch (this) {
      case TaskState s -> "Task";
      case PassState s -> "Pass";
      case ChoiceState s -> "Choice";
      case WaitState s -> "Wait";
      case SucceedState s -> "Succeed";
      case FailState s -> "Fail";
      case ParallelState s -> "Parallel";
      case MapState s -> "Map";
    };
  }
}
