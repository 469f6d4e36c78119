package io.statecraft.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.config.StatecraftEnvironmentPostProcessor;
import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.api.config.StatecraftProperties.AwsCredential;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class NetworkExposureGuardTest {

  static StatecraftProperties properties(
      boolean enabled, boolean allowInsecure, String temporalBind, List<String> apiKeys) {
    return new StatecraftProperties(
        java.nio.file.Path.of("data"),
        io.statecraft.api.config.Role.ALL,
        new StatecraftProperties.Aws("us-east-1", "123456789012"),
        new StatecraftProperties.Temporal(
            null,
            "default",
            new StatecraftProperties.Embedded(temporalBind, 7233, true),
            "http://localhost:8233"),
        new StatecraftProperties.Security(
            enabled, allowInsecure, List.<AwsCredential>of(), apiKeys, List.of()),
        new StatecraftProperties.Limits(1048576, 1048576),
        new StatecraftProperties.Api(new StatecraftProperties.RateLimit(false, 50, 100, true)));
  }

  static MockEnvironment environment(String serverAddress) {
    MockEnvironment environment = new MockEnvironment();
    if (serverAddress != null) {
      environment.setProperty("server.address", serverAddress);
    }
    environment.setProperty(StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE, "true");
    return environment;
  }

  @Test
  void loopbackWithoutAuthenticationStarts() {
    assertThatCode(
            () ->
                new NetworkExposureGuard(
                        properties(false, false, "127.0.0.1", List.of()), environment("127.0.0.1"))
                    .check())
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new NetworkExposureGuard(
                        properties(false, false, "::1", List.of()), environment("localhost"))
                    .check())
        .doesNotThrowAnyException();
  }

  @Test
  void everyInterfaceWithoutAuthenticationIsRefused() {
    assertThatThrownBy(
            () ->
                new NetworkExposureGuard(
                        properties(false, false, "127.0.0.1", List.of()), environment("0.0.0.0"))
                    .check())
        .hasMessageContaining("server.address=0.0.0.0")
        .hasMessageContaining("statecraft.security.allow-insecure=true");
    assertThatThrownBy(
            () ->
                new NetworkExposureGuard(
                        properties(false, false, "127.0.0.1", List.of()), environment(null))
                    .check())
        .hasMessageContaining("<all interfaces>");
  }

  @Test
  void anExposedEmbeddedTemporalIsRefusedEvenWithAuthentication() {
    assertThatThrownBy(
            () ->
                new NetworkExposureGuard(
                        properties(true, false, "0.0.0.0", List.of("k")), environment("0.0.0.0"))
                    .check())
        .hasMessageContaining("embedded Temporal");
  }

  @Test
  void authenticationOrAnExplicitOptInAllowsExposure() {
    assertThatCode(
            () ->
                new NetworkExposureGuard(
                        properties(true, false, "127.0.0.1", List.of("k")), environment("0.0.0.0"))
                    .check())
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new NetworkExposureGuard(
                        properties(false, true, "0.0.0.0", List.of()), environment("0.0.0.0"))
                    .check())
        .doesNotThrowAnyException();
  }

  @Test
  void authenticationWithoutCredentialsIsRefused() {
    assertThatThrownBy(
            () ->
                new NetworkExposureGuard(
                        properties(true, false, "127.0.0.1", List.of()), environment("127.0.0.1"))
                    .check())
        .hasMessageContaining("no credentials are configured");
  }

  @Test
  void aSeparateManagementPortMustAlsoStayOnLoopback() {
    MockEnvironment environment = environment("127.0.0.1");
    environment.setProperty("management.server.port", "9090");
    assertThatThrownBy(
            () ->
                new NetworkExposureGuard(
                        properties(false, false, "127.0.0.1", List.of()), environment)
                    .check())
        .hasMessageContaining("management.server.address=<all interfaces>");
    environment.setProperty("management.server.address", "127.0.0.1");
    assertThatCode(
            () ->
                new NetworkExposureGuard(
                        properties(false, false, "127.0.0.1", List.of()), environment)
                    .check())
        .doesNotThrowAnyException();
  }
}
