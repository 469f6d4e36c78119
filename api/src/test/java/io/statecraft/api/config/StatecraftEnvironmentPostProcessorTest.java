package io.statecraft.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class StatecraftEnvironmentPostProcessorTest {

  final StatecraftEnvironmentPostProcessor processor = new StatecraftEnvironmentPostProcessor();

  MockEnvironment process(String... keyValues) {
    MockEnvironment environment = new MockEnvironment();
    for (int i = 0; i < keyValues.length; i += 2) {
      environment.setProperty(keyValues[i], keyValues[i + 1]);
    }
    processor.postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void embedsTemporalOnLoopbackByDefault() {
    MockEnvironment environment = process();
    assertThat(environment.getProperty("spring.temporal.connection.target"))
        .isEqualTo("127.0.0.1:7233");
    assertThat(environment.getProperty(StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE))
        .isEqualTo("true");
    assertThat(environment.getProperty("spring.temporal.namespace")).isEqualTo("default");
  }

  @Test
  void aConfiguredTargetOfEitherKindMeansNoEmbeddedServer() {
    MockEnvironment ours = process("statecraft.temporal.target", "temporal:7233");
    assertThat(ours.getProperty("spring.temporal.connection.target")).isEqualTo("temporal:7233");
    assertThat(ours.getProperty(StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE)).isNull();

    MockEnvironment starter = process("spring.temporal.connection.target", "other:7233");
    assertThat(starter.getProperty("spring.temporal.connection.target")).isEqualTo("other:7233");
    assertThat(starter.getProperty(StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE)).isNull();
  }

  @Test
  void portZeroPicksAFreePortBeforeTheStarterNeedsIt() {
    MockEnvironment environment = process("statecraft.temporal.embedded.port", "0");
    int port = environment.getProperty("statecraft.temporal.embedded.port", Integer.class);
    assertThat(port).isPositive();
    assertThat(environment.getProperty("spring.temporal.connection.target"))
        .isEqualTo("127.0.0.1:" + port);
  }

  @Test
  void clientsReachAnAllInterfacesOrIpv6BindThroughAnAddressTheyCanDial() {
    assertThat(
            process("statecraft.temporal.embedded.bind-address", "0.0.0.0")
                .getProperty("spring.temporal.connection.target"))
        .isEqualTo("127.0.0.1:7233");
    assertThat(
            process("statecraft.temporal.embedded.bind-address", "::1")
                .getProperty("spring.temporal.connection.target"))
        .isEqualTo("[::1]:7233");
  }

  @Test
  void aWorkerProcessHasNoDatabase() {
    MockEnvironment environment = process("statecraft.role", "worker");
    assertThat(environment.getProperty("spring.autoconfigure.exclude"))
        .contains("DataSourceAutoConfiguration", "FlywayAutoConfiguration");
    assertThat(process("statecraft.role", "api").getProperty("spring.autoconfigure.exclude"))
        .isNull();
  }

  @Test
  void anUnknownRoleIsAClearError() {
    assertThatThrownBy(() -> process("statecraft.role", "both"))
        .hasMessage("statecraft.role is 'both'; it must be one of: all, api, worker");
  }
}
