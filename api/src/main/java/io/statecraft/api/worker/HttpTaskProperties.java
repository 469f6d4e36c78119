package io.statecraft.api.worker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in HTTP Task ({@code arn:aws:states:::http:invoke}), {@code statecraft.http-task.*}.
 *
 * @param allowedDestinations when not empty, the only destinations tasks may call: {@code host},
 *     {@code *.domain}, an IP address or a CIDR block, each with an optional {@code :port}
 * @param denyPrivateNetworks also refuse loopback and private-network addresses (link-local and
 *     cloud metadata addresses are always refused unless an allowlist entry names them)
 * @param allowPlainHttp let tasks call {@code http://} endpoints, not only {@code https://}
 * @param connections what the {@code ConnectionArn}s of definitions refer to
 */
@ConfigurationProperties("statecraft.http-task")
public record HttpTaskProperties(
    @DefaultValue List<String> allowedDestinations,
    @DefaultValue("false") boolean denyPrivateNetworks,
    @DefaultValue("true") boolean allowPlainHttp,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("60s") Duration requestTimeout,
    @DefaultValue("262144") long maxResponseBytes,
    @DefaultValue List<Connection> connections) {

  /** How a connection authenticates, as EventBridge connections do. */
  public enum AuthorizationType {
    API_KEY,
    BASIC,
    OAUTH_CLIENT_CREDENTIALS,
    NONE
  }

  /**
   * A connection. Secrets are references ({@link SecretRef}), never part of a definition.
   *
   * @param arn the connection ARN definitions name in {@code Authentication.ConnectionArn}
   * @param authorizationType how requests authenticate
   * @param apiKeyName the header that carries the API key ({@code API_KEY})
   * @param apiKeyValue the API key ({@code API_KEY})
   * @param username the user ({@code BASIC})
   * @param password the password ({@code BASIC})
   * @param oauth the client-credentials grant ({@code OAUTH_CLIENT_CREDENTIALS})
   * @param headerParameters headers added to every request
   * @param queryParameters query parameters added to every request
   * @param bodyParameters body fields added to every request
   */
  public record Connection(
      String arn,
      AuthorizationType authorizationType,
      String apiKeyName,
      SecretRef apiKeyValue,
      String username,
      SecretRef password,
      OAuth oauth,
      @DefaultValue List<Parameter> headerParameters,
      @DefaultValue List<Parameter> queryParameters,
      @DefaultValue List<Parameter> bodyParameters) {}

  /** The OAuth 2.0 client-credentials grant of a connection. */
  public record OAuth(
      URI tokenEndpoint,
      @DefaultValue("POST") String httpMethod,
      String clientId,
      SecretRef clientSecret,
      @DefaultValue List<Parameter> headerParameters,
      @DefaultValue List<Parameter> queryParameters,
      @DefaultValue List<Parameter> bodyParameters) {}

  /** A key and a value, the value held by reference. */
  public record Parameter(String key, SecretRef value) {}

  /**
   * Where a secret comes from: exactly one of an environment variable read at each use ({@code
   * env}), a file read at each use ({@code file}, such as a mounted Kubernetes secret), or a value
   * from the configuration itself ({@code value}, typically a {@code ${PLACEHOLDER}}).
   */
  public record SecretRef(String env, String file, String value) {}
}
