package io.statecraft.api.statemachines;

import java.time.Instant;

/**
 * An immutable snapshot of a state machine's configuration. Updating a state machine creates a new
 * revision; versions and executions point at the revision they froze.
 *
 * @param definitionSha256 the lower-case hex SHA-256 of the definition's UTF-8 bytes
 * @param loggingConfiguration the logging configuration (JSON) with AWS's defaults filled in
 * @param tracingConfiguration the tracing configuration (JSON) with AWS's defaults filled in
 */
public record Revision(
    String revisionId,
    String stateMachineArn,
    String definition,
    String definitionSha256,
    String roleArn,
    String loggingConfiguration,
    String tracingConfiguration,
    Instant creationDate) {

  /** Whether this revision holds the same configuration as {@code other}. */
  public boolean sameConfiguration(Revision other) {
    return definition.equals(other.definition)
        && roleArn.equals(other.roleArn)
        && loggingConfiguration.equals(other.loggingConfiguration)
        && tracingConfiguration.equals(other.tracingConfiguration);
  }
}
