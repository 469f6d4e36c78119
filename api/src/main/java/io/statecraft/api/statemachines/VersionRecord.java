package io.statecraft.api.statemachines;

import java.time.Instant;

/** A published, immutable version of a state machine. */
public record VersionRecord(
    String stateMachineArn,
    int number,
    String revisionId,
    String description,
    Instant creationDate) {

  /** The version's ARN: the state machine's ARN and {@code :number}. */
  public String arn() {
    return stateMachineArn + ":" + number;
  }
}
