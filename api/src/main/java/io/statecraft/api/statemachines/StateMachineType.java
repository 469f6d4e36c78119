package io.statecraft.api.statemachines;

/** The two kinds of Step Functions workflow. */
public enum StateMachineType {
  STANDARD,
  EXPRESS
}
