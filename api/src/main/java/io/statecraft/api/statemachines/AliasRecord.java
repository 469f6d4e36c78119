package io.statecraft.api.statemachines;

import java.time.Instant;
import java.util.List;

/**
 * An alias: a name that routes executions between one or two versions by weight.
 *
 * @param routes one or two routes, weights adding up to 100
 */
public record AliasRecord(
    String arn,
    String stateMachineArn,
    String name,
    String description,
    List<Route> routes,
    Instant creationDate,
    Instant updateDate) {

  public AliasRecord {
    routes = List.copyOf(routes);
  }

  /**
   * One route of an alias.
   *
   * @param weight the percentage (0 to 100) of executions sent to the version
   */
  public record Route(String stateMachineArn, int versionNumber, int weight) {

    /** The ARN of the routed version. */
    public String versionArn() {
      return stateMachineArn + ":" + versionNumber;
    }
  }
}
