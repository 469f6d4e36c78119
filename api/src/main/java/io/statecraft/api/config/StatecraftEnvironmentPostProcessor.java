package io.statecraft.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Derives the settings that follow from {@code statecraft.role} and the Temporal target before any
 * bean exists: the Temporal starter only configures itself when {@code
 * spring.temporal.connection.target} is set, and a worker-only process has no database.
 */
public final class StatecraftEnvironmentPostProcessor implements EnvironmentPostProcessor {

  /** Set to {@code true} when this process embeds the Temporal server. */
  public static final String EMBEDDED_ACTIVE = "statecraft.temporal.embedded.active";

  static final String STARTER_TARGET = "spring.temporal.connection.target";
  static final String STARTER_NAMESPACE = "spring.temporal.namespace";

  private static final String WORKER_EXCLUDES =
      String.join(
          ",",
          "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
          "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
          "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
          "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
          "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> derived = new LinkedHashMap<>();
    Role role = role(environment);
    if (!role.runsApi()) {
      String existing = environment.getProperty("spring.autoconfigure.exclude", "");
      derived.put(
          "spring.autoconfigure.exclude",
          existing.isBlank() ? WORKER_EXCLUDES : existing + "," + WORKER_EXCLUDES);
    }
    String starterTarget = environment.getProperty(STARTER_TARGET);
    String ownTarget = environment.getProperty("statecraft.temporal.target");
    if (!StringUtils.hasText(starterTarget)) {
      if (StringUtils.hasText(ownTarget)) {
        derived.put(STARTER_TARGET, ownTarget.trim());
      } else {
        String bind =
            environment.getProperty("statecraft.temporal.embedded.bind-address", "127.0.0.1");
        int port =
            environment.getProperty("statecraft.temporal.embedded.port", Integer.class, 7233);
        if (port == 0) {
          // The starter needs the address before the server exists, so a free port is chosen here.
          port = freePort(bind);
          derived.put("statecraft.temporal.embedded.port", port);
        }
        derived.put(EMBEDDED_ACTIVE, true);
        derived.put(STARTER_TARGET, hostPort(connectHost(bind), port));
      }
    }
    if (!StringUtils.hasText(environment.getProperty(STARTER_NAMESPACE))) {
      derived.put(
          STARTER_NAMESPACE, environment.getProperty("statecraft.temporal.namespace", "default"));
    }
    environment.getPropertySources().addFirst(new MapPropertySource("statecraftDerived", derived));
  }

  static Role role(ConfigurableEnvironment environment) {
    String value = environment.getProperty("statecraft.role", "all").trim();
    try {
      return Role.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "statecraft.role is '" + value + "'; it must be one of: all, api, worker", e);
    }
  }

  /** Where a client in this process reaches a server bound to {@code bind}. */
  static String connectHost(String bind) {
    try {
      InetAddress address = InetAddress.getByName(bind);
      return address.isAnyLocalAddress() ? "127.0.0.1" : bind;
    } catch (IOException e) {
      throw new IllegalStateException(
          "statecraft.temporal.embedded.bind-address '" + bind + "' is not a usable address", e);
    }
  }

  static String hostPort(String host, int port) {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  private static int freePort(String bind) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(bind), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + bind, e);
    }
  }
}
