package io.statecraft.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.api.statemachines.AliasRecord;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.statemachines.StateMachineRegistry.CreateCommand;
import io.statecraft.api.statemachines.StateMachineRegistry.RouteRequest;
import io.statecraft.api.statemachines.StateMachineRegistry.UpdateCommand;
import io.statecraft.api.statemachines.Tag;
import io.statecraft.api.statemachines.VersionRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping and starting the process on the same data directory loses nothing. */
class RestartIT {

  static final String V1 =
      "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";
  static final String V2 = "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Succeed\"}}}";

  @TempDir Path dataDir;

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(StatecraftApplication.class)
        .run(
            "--statecraft.data-dir=" + dataDir,
            "--server.port=0",
            "--statecraft.temporal.embedded.port=0");
  }

  @Test
  void definitionsVersionsAliasesAndTagsSurviveARestart() {
    String arn;
    String revision;
    try (ConfigurableApplicationContext first = start()) {
      StateMachineRegistry registry = first.getBean(StateMachineRegistry.class);
      arn =
          registry
              .create(
                  new CreateCommand(
                      "Durable",
                      V1,
                      "arn:aws:iam::123456789012:role/r",
                      null,
                      null,
                      null,
                      null,
                      true,
                      "first",
                      List.of(new Tag("team", "core"))))
              .stateMachineArn();
      registry.update(new UpdateCommand(arn, V2, null, null, null, null, true, null));
      registry.createAlias(
          "live",
          "split",
          List.of(new RouteRequest(arn + ":1", 25), new RouteRequest(arn + ":2", 75)));
      revision = registry.describe(arn).revision().revisionId();
    }

    try (ConfigurableApplicationContext second = start()) {
      StateMachineRegistry registry = second.getBean(StateMachineRegistry.class);
      var described = registry.describe(arn);
      assertThat(described.revision().definition()).isEqualTo(V2);
      assertThat(described.revision().revisionId()).isEqualTo(revision);
      assertThat(registry.describe(arn + ":1").revision().definition()).isEqualTo(V1);
      assertThat(registry.describe(arn + ":1").version().description()).isEqualTo("first");
      assertThat(registry.listVersions(arn, null, 0).items())
          .extracting(VersionRecord::number)
          .containsExactly(2, 1);
      AliasRecord alias = registry.describeAlias(arn + ":live");
      assertThat(alias.description()).isEqualTo("split");
      assertThat(alias.routes())
          .extracting(AliasRecord.Route::versionNumber, AliasRecord.Route::weight)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, 25),
              org.assertj.core.groups.Tuple.tuple(2, 75));
      assertThat(registry.tags(arn)).containsExactly(new Tag("team", "core"));
      // Numbering goes on where it stopped.
      var v3 =
          registry.update(
              new UpdateCommand(
                  arn, V1.replace("\"A\"", "\"C\""), null, null, null, null, true, null));
      assertThat(v3.versionArn()).isEqualTo(arn + ":3");
    }
  }
}
