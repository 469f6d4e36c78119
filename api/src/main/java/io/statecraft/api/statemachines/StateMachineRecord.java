package io.statecraft.api.statemachines;

import java.time.Instant;

/**
 * A registered state machine. Its configuration (definition, role, logging, tracing) is the
 * revision {@code revisionId} points at.
 *
 * @param encryptionConfiguration the encryption configuration as given (JSON), or {@code null}
 * @param lastVersionNumber the highest version number ever published (numbers are never reused)
 */
public record StateMachineRecord(
    String arn,
    String name,
    StateMachineType type,
    Status status,
    String revisionId,
    String encryptionConfiguration,
    Instant creationDate,
    Instant updateDate,
    int lastVersionNumber) {

  /** A state machine's life-cycle status. */
  public enum Status {
    ACTIVE,
    DELETING
  }
}
