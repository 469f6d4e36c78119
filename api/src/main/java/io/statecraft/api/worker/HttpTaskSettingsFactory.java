package io.statecraft.api.worker;

import io.statecraft.activities.builtin.HttpConnection;
import io.statecraft.activities.builtin.HttpTaskSettings;
import io.statecraft.activities.builtin.Secret;
import io.statecraft.api.worker.HttpTaskProperties.Connection;
import io.statecraft.api.worker.HttpTaskProperties.Parameter;
import io.statecraft.api.worker.HttpTaskProperties.SecretRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the HTTP Task's settings from {@code statecraft.http-task.*}, refusing a bad entry with a
 * message that names its property.
 */
final class HttpTaskSettingsFactory {

  static final String PREFIX = "statecraft.http-task";

  private HttpTaskSettingsFactory() {}

  /**
   * The settings.
   *
   * @param extraConnections connections the platform adds (the demo's), used unless configured
   * @throws IllegalStateException naming the property at fault
   */
  static HttpTaskSettings build(
      HttpTaskProperties properties, Map<String, HttpConnection> extraConnections) {
    HttpTaskSettings.Builder builder =
        HttpTaskSettings.builder()
            .denyPrivateNetworks(properties.denyPrivateNetworks())
            .allowPlainHttp(properties.allowPlainHttp());
    try {
      builder
          .connectTimeout(properties.connectTimeout())
          .requestTimeout(properties.requestTimeout())
          .maxResponseBytes(properties.maxResponseBytes());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(PREFIX + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < properties.allowedDestinations().size(); i++) {
      String entry = properties.allowedDestinations().get(i);
      try {
        builder.allowDestination(entry);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            PREFIX + ".allowed-destinations[" + i + "] '" + entry + "': " + e.getMessage(), e);
      }
    }
    List<String> configured = new ArrayList<>();
    for (int i = 0; i < properties.connections().size(); i++) {
      String path = PREFIX + ".connections[" + i + "]";
      Connection c = properties.connections().get(i);
      if (c.arn() == null || c.arn().isBlank()) {
        throw new IllegalStateException(path + ".arn is required");
      }
      try {
        builder.connection(c.arn(), connection(c, path));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalStateException(path + " (" + c.arn() + "): " + e.getMessage(), e);
      }
      configured.add(c.arn());
    }
    extraConnections.forEach(
        (arn, connection) -> {
          if (!configured.contains(arn)) {
            builder.connection(arn, connection);
          }
        });
    return builder.build();
  }

  private static HttpConnection connection(Connection c, String path) {
    if (c.authorizationType() == null) {
      throw new IllegalStateException(
          path
              + ".authorization-type is required: API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS or NONE");
    }
    HttpConnection.Authorization authorization =
        switch (c.authorizationType()) {
          case API_KEY ->
              new HttpConnection.ApiKey(
                  required(c.apiKeyName(), path + ".api-key-name"),
                  secret(c.apiKeyValue(), path + ".api-key-value"));
          case BASIC ->
              new HttpConnection.Basic(
                  required(c.username(), path + ".username"),
                  secret(c.password(), path + ".password"));
          case OAUTH_CLIENT_CREDENTIALS -> {
            HttpTaskProperties.OAuth o = c.oauth();
            if (o == null) {
              throw new IllegalStateException(
                  path + ".oauth is required for " + c.authorizationType());
            }
            yield new HttpConnection.OAuthClientCredentials(
                Objects.requireNonNull(
                    o.tokenEndpoint(), path + ".oauth.token-endpoint is required"),
                o.httpMethod(),
                required(o.clientId(), path + ".oauth.client-id"),
                secret(o.clientSecret(), path + ".oauth.client-secret"),
                parameters(o.headerParameters(), path + ".oauth.header-parameters"),
                parameters(o.queryParameters(), path + ".oauth.query-parameters"),
                parameters(o.bodyParameters(), path + ".oauth.body-parameters"));
          }
          case NONE -> new HttpConnection.None();
        };
    return new HttpConnection(
        authorization,
        parameters(c.headerParameters(), path + ".header-parameters"),
        parameters(c.queryParameters(), path + ".query-parameters"),
        parameters(c.bodyParameters(), path + ".body-parameters"));
  }

  private static List<HttpConnection.Parameter> parameters(List<Parameter> given, String path) {
    List<HttpConnection.Parameter> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Parameter p = given.get(i);
      out.add(
          new HttpConnection.Parameter(
              required(p.key(), path + "[" + i + "].key"),
              secret(p.value(), path + "[" + i + "].value")));
    }
    return out;
  }

  private static String required(String value, String path) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(path + " is required");
    }
    return value;
  }

  /** A secret reference: exactly one of env, file or value. */
  static Secret secret(SecretRef ref, String path) {
    if (ref == null) {
      throw new IllegalStateException(path + " is required: set " + path + ".env, .file or .value");
    }
    int given =
        (ref.env() == null ? 0 : 1) + (ref.file() == null ? 0 : 1) + (ref.value() == null ? 0 : 1);
    if (given != 1) {
      throw new IllegalStateException(
          path + " must set exactly one of .env, .file and .value; it sets " + given);
    }
    if (ref.env() != null) {
      return Secret.fromEnvironment(ref.env());
    }
    if (ref.value() != null) {
      return Secret.of(ref.value());
    }
    Path file = Path.of(ref.file());
    return Secret.from(
        () -> {
          try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        "file " + file);
  }
}
