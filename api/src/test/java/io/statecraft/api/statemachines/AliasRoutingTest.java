package io.statecraft.api.statemachines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing decision is a pure function of the alias and the execution name. */
class AliasRoutingTest {

  static AliasRecord alias(int firstWeight) {
    String sm = "arn:aws:states:us-east-1:123456789012:stateMachine:S";
    List<AliasRecord.Route> routes =
        firstWeight == 100
            ? List.of(new AliasRecord.Route(sm, 1, 100))
            : List.of(
                new AliasRecord.Route(sm, 1, firstWeight),
                new AliasRecord.Route(sm, 2, 100 - firstWeight));
    return new AliasRecord(sm + ":a", sm, "a", null, routes, Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void theSameExecutionNameAlwaysTakesTheSameRoute() {
    AliasRecord alias = alias(50);
    for (int i = 0; i < 200; i++) {
      String name = "e" + i;
      assertThat(StateMachineRegistry.route(alias, name))
          .isEqualTo(StateMachineRegistry.route(alias, name));
    }
  }

  @Test
  void aZeroWeightRouteIsNeverTakenAndAFullOneAlways() {
    for (int i = 0; i < 500; i++) {
      assertThat(StateMachineRegistry.route(alias(100), "e" + i).versionNumber()).isEqualTo(1);
      assertThat(StateMachineRegistry.route(alias(0), "e" + i).versionNumber()).isEqualTo(2);
    }
  }

  @Test
  void weightsShareExecutionsInProportion() {
    int first = 0;
    for (int i = 0; i < 10_000; i++) {
      if (StateMachineRegistry.route(alias(30), "exec-" + i).versionNumber() == 1) {
        first++;
      }
    }
    assertThat(first).isBetween(2800, 3200);
  }

  @Test
  void theDecisionIsPinnedSoItNeverChangesAcrossReleases() {
    // Recorded once: a change here would send retried starts to another version.
    AliasRecord alias = alias(50);
    StringBuilder picks = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      picks.append(StateMachineRegistry.route(alias, "run-" + i).versionNumber());
    }
    assertThat(picks.toString()).hasSize(16).matches("[12]{16}").isEqualTo(PINNED);
  }

  static final String PINNED = "1221222121111211";
}
