package io.statecraft.activities.builtin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What an HTTP Task's {@code ConnectionArn} refers to: the authorization and the extra invocation
 * parameters of an EventBridge connection, held in platform configuration rather than in the state
 * machine definition. Its secrets are {@link Secret} references.
 *
 * <p>As with EventBridge connections, the connection's headers, query parameters and body
 * parameters are merged into every request, and win over the definition's values for the same key;
 * the authorization is applied last.
 *
 * @param authorization how requests authenticate
 * @param headerParameters headers added to each request
 * @param queryParameters query parameters added to each request
 * @param bodyParameters fields added to each JSON or URL-encoded request body
 */
public record HttpConnection(
    Authorization authorization,
    List<Parameter> headerParameters,
    List<Parameter> queryParameters,
    List<Parameter> bodyParameters) {

  public HttpConnection {
    Objects.requireNonNull(authorization, "authorization");
    headerParameters = List.copyOf(headerParameters);
    queryParameters = List.copyOf(queryParameters);
    bodyParameters = List.copyOf(bodyParameters);
  }

  /** A key and a secret value. */
  public record Parameter(String key, Secret value) {
    public Parameter {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("A connection parameter key must not be blank");
      }
      Objects.requireNonNull(value, "value");
    }
  }

  /** How a connection authenticates its requests. */
  public sealed interface Authorization permits ApiKey, Basic, OAuthClientCredentials, None {}

  /** Sends the key as the value of a header, EventBridge's {@code API_KEY} type. */
  public record ApiKey(String headerName, Secret value) implements Authorization {
    public ApiKey {
      Objects.requireNonNull(headerName, "headerName");
      if (headerName.isBlank()) {
        throw new IllegalArgumentException("The API key header name must not be blank");
      }
      Objects.requireNonNull(value, "value");
    }
  }

  /** HTTP basic authentication, EventBridge's {@code BASIC} type. */
  public record Basic(String username, Secret password) implements Authorization {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }
  }

  /**
   * The OAuth 2.0 client-credentials grant, EventBridge's {@code OAUTH_CLIENT_CREDENTIALS} type:
   * the token endpoint is called with the client id and secret as basic authentication and {@code
   * grant_type=client_credentials}, and the returned {@code access_token} is sent as a bearer
   * token. Tokens are reused until shortly before {@code expires_in} runs out, and dropped when the
   * API answers 401.
   */
  public record OAuthClientCredentials(
      URI tokenEndpoint,
      String httpMethod,
      String clientId,
      Secret clientSecret,
      List<Parameter> headerParameters,
      List<Parameter> queryParameters,
      List<Parameter> bodyParameters)
      implements Authorization {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT");

    public OAuthClientCredentials {
      Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
      if (!tokenEndpoint.isAbsolute() || tokenEndpoint.getHost() == null) {
        throw new IllegalArgumentException(
            "The OAuth token endpoint must be an absolute URL, was " + tokenEndpoint);
      }
      httpMethod = Objects.requireNonNull(httpMethod, "httpMethod").toUpperCase(Locale.ROOT);
      if (!METHODS.contains(httpMethod)) {
        throw new IllegalArgumentException(
            "The OAuth token request method must be GET, POST or PUT, was " + httpMethod);
      }
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      headerParameters = List.copyOf(headerParameters);
      queryParameters = List.copyOf(queryParameters);
      bodyParameters = List.copyOf(bodyParameters);
    }
  }

  /**
   * No authentication. EventBridge connections always authenticate; this platform extension serves
   * connections to endpoints that need none (the connection still names the destination).
   */
  public record None() implements Authorization {}

  /** A connection that sends an API key in a header. */
  public static HttpConnection apiKey(String headerName, Secret value) {
    return new HttpConnection(new ApiKey(headerName, value), List.of(), List.of(), List.of());
  }

  /** A connection that uses HTTP basic authentication. */
  public static HttpConnection basic(String username, Secret password) {
    return new HttpConnection(new Basic(username, password), List.of(), List.of(), List.of());
  }

  /** A connection that uses the OAuth client-credentials grant, with a POST to the endpoint. */
  public static HttpConnection oauthClientCredentials(
      URI tokenEndpoint, String clientId, Secret clientSecret) {
    return new HttpConnection(
        new OAuthClientCredentials(
            tokenEndpoint, "POST", clientId, clientSecret, List.of(), List.of(), List.of()),
        List.of(),
        List.of(),
        List.of());
  }

  /** A connection without authentication. */
  public static HttpConnection none() {
    return new HttpConnection(new None(), List.of(), List.of(), List.of());
  }

  /** This connection with one more header parameter. */
  public HttpConnection withHeader(String key, Secret value) {
    return new HttpConnection(
        authorization, plus(headerParameters, key, value), queryParameters, bodyParameters);
  }

  /** This connection with one more query parameter. */
  public HttpConnection withQueryParameter(String key, Secret value) {
    return new HttpConnection(
        authorization, headerParameters, plus(queryParameters, key, value), bodyParameters);
  }

  /** This connection with one more body parameter. */
  public HttpConnection withBodyParameter(String key, Secret value) {
    return new HttpConnection(
        authorization, headerParameters, queryParameters, plus(bodyParameters, key, value));
  }

  private static List<Parameter> plus(List<Parameter> list, String key, Secret value) {
    List<Parameter> out = new ArrayList<>(list);
    out.add(new Parameter(key, value));
    return out;
  }
}
