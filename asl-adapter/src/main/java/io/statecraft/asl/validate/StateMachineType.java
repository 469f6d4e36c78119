package io.statecraft.asl.validate;

/** The type of state machine a definition is validated for; STANDARD unless said otherwise. */
public enum StateMachineType {
  STANDARD,
  EXPRESS
}
