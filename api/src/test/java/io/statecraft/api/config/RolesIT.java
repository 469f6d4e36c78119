package io.statecraft.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.StatecraftApplication;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code statecraft.role} decides which parts of the process exist. */
class RolesIT {

  @TempDir Path dataDir;

  ConfigurableApplicationContext start(String role) {
    return new SpringApplicationBuilder(StatecraftApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--statecraft.role=" + role,
            "--statecraft.data-dir=" + dataDir,
            "--statecraft.temporal.embedded.port=0");
  }

  @Test
  void aWorkerHasNoRegistryNoDatabaseAndNoApi() {
    try (ConfigurableApplicationContext context = start("worker")) {
      assertThat(context.getBeanNamesForType(StateMachineRegistry.class)).isEmpty();
      assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
      assertThat(context.containsBean("awsJsonController")).isFalse();
      assertThat(context.containsBean("stateMachinesController")).isFalse();
      assertThat(context.getBeanNamesForType(WorkflowClient.class)).hasSize(1);
    }
  }

  @Test
  void anApiProcessHasTheRegistryAndTheApis() {
    try (ConfigurableApplicationContext context = start("API")) {
      assertThat(context.getBeanNamesForType(StateMachineRegistry.class)).hasSize(1);
      assertThat(context.getBeanNamesForType(DataSource.class)).hasSize(1);
      assertThat(context.containsBean("awsJsonController")).isTrue();
      assertThat(context.getBeanNamesForType(WorkflowClient.class)).hasSize(1);
    }
  }

  @Test
  void theWorkerProfileSelectsTheWorkerRole() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(StatecraftApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.profiles.active=worker",
                "--statecraft.data-dir=" + dataDir,
                "--statecraft.temporal.embedded.port=0")) {
      assertThat(context.getBeanNamesForType(StateMachineRegistry.class)).isEmpty();
      assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }
  }

  @Test
  void anUnknownRoleIsAClearError() {
    assertThatThrownBy(() -> start("everything").close())
        .hasStackTraceContaining(
            "statecraft.role is 'everything'; it must be one of: all, api, worker");
  }
}
