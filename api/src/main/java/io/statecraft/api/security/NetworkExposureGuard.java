package io.statecraft.api.security;

import io.statecraft.api.config.StatecraftEnvironmentPostProcessor;
import io.statecraft.api.config.StatecraftProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when something listens beyond loopback without authentication: the HTTP server
 * with {@code statecraft.security.enabled=false}, or the embedded Temporal server (which has no
 * authentication of its own), unless {@code statecraft.security.allow-insecure=true}. Also refuses
 * authentication switched on without any credential to accept.
 */
final class NetworkExposureGuard {

  private final StatecraftProperties properties;
  private final Environment environment;

  NetworkExposureGuard(StatecraftProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  void check() {
    StatecraftProperties.Security security = properties.security();
    if (security.enabled()
        && security.awsCredentials().isEmpty()
        && security.apiKeys().isEmpty()
        && security.users().isEmpty()) {
      throw new IllegalStateException(
          "statecraft.security.enabled=true but no credentials are configured: set"
              + " statecraft.security.aws-credentials, statecraft.security.api-keys or"
              + " statecraft.security.users");
    }
    for (StatecraftProperties.AwsCredential credential : security.awsCredentials()) {
      if (isBlank(credential.accessKeyId()) || isBlank(credential.secretAccessKey())) {
        throw new IllegalStateException(
            "statecraft.security.aws-credentials: every entry needs access-key-id and"
                + " secret-access-key");
      }
    }
    for (StatecraftProperties.User user : security.users()) {
      if (isBlank(user.name()) || isBlank(user.password())) {
        throw new IllegalStateException(
            "statecraft.security.users: every entry needs name and password");
      }
    }
    if (security.allowInsecure()) {
      return;
    }
    List<String> exposed = new ArrayList<>();
    if (!security.enabled()) {
      String address = environment.getProperty("server.address");
      if (!isLoopback(address)) {
        exposed.add(
            "the HTTP server (server.address="
                + (address == null ? "<all interfaces>" : address)
                + ") without authentication");
      }
      // A separate management port binds on its own address, every interface unless set.
      String managementPort = environment.getProperty("management.server.port");
      String managementAddress = environment.getProperty("management.server.address");
      if (managementPort != null
          && !managementPort.equals(environment.getProperty("server.port"))
          && !isLoopback(managementAddress)) {
        exposed.add(
            "the management server (management.server.address="
                + (managementAddress == null ? "<all interfaces>" : managementAddress)
                + ") without authentication");
      }
    }
    if (environment.getProperty(
        StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE, Boolean.class, false)) {
      String bind = properties.temporal().embedded().bindAddress();
      if (!isLoopback(bind)) {
        exposed.add(
            "the embedded Temporal server (statecraft.temporal.embedded.bind-address="
                + bind
                + "), which has no authentication");
      }
    }
    if (!exposed.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: "
              + String.join(" and ", exposed)
              + " would listen beyond loopback. Turn authentication on"
              + " (statecraft.security.enabled=true with credentials), bind to 127.0.0.1, or"
              + " accept the exposure with statecraft.security.allow-insecure=true.");
    }
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address.trim()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
