package io.statecraft.activities.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.statecraft.activities.sdk.TaskError;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Access tokens of OAuth client-credentials connections, fetched on demand and reused. */
final class OAuthTokens {

  // Renew a token this long before it expires, so that it does not expire in flight.
  private static final long RENEW_BEFORE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private record Token(String value, long expiresAtNanos) {}

  private final HttpInvokeActivity activity;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  OAuthTokens(HttpInvokeActivity activity) {
    this.activity = activity;
  }

  String token(String arn, HttpConnection.OAuthClientCredentials oauth) {
    Token cached = tokens.get(arn);
    long now = System.nanoTime();
    if (cached != null && cached.expiresAtNanos - now > RENEW_BEFORE_NANOS) {
      return cached.value;
    }
    Token fresh = fetch(arn, oauth);
    if (fresh.expiresAtNanos > now) {
      tokens.put(arn, fresh);
    }
    return fresh.value;
  }

  void invalidate(String arn) {
    tokens.remove(arn);
  }

  private Token fetch(String arn, HttpConnection.OAuthClientCredentials oauth) {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    for (HttpConnection.Parameter parameter : oauth.bodyParameters()) {
      form.append('&')
          .append(FormEncoder.percentEncode(parameter.key()))
          .append('=')
          .append(FormEncoder.percentEncode(HttpInvokeActivity.reveal(arn, parameter.value())));
    }
    StringBuilder query = new StringBuilder();
    if (oauth.tokenEndpoint().getRawQuery() != null) {
      query.append(oauth.tokenEndpoint().getRawQuery());
    }
    for (HttpConnection.Parameter parameter : oauth.queryParameters()) {
      if (!query.isEmpty()) {
        query.append('&');
      }
      query
          .append(FormEncoder.percentEncode(parameter.key()))
          .append('=')
          .append(FormEncoder.percentEncode(HttpInvokeActivity.reveal(arn, parameter.value())));
    }
    boolean get = oauth.httpMethod().equals("GET");
    if (get) {
      if (!query.isEmpty()) {
        query.append('&');
      }
      query.append(form);
    }
    URI endpoint = oauth.tokenEndpoint();
    URI uri;
    try {
      uri =
          new URI(
              endpoint.getScheme()
                  + "://"
                  + endpoint.getRawAuthority()
                  + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath())
                  + (query.isEmpty() ? "" : "?" + query));
    } catch (URISyntaxException e) {
      throw failure(arn, "its token endpoint URL is not valid: " + e.getReason());
    }
    activity.policy().check(uri);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(activity.settings().requestTimeout())
            .header("Accept", "application/json")
            .header("User-Agent", activity.settings().userAgent())
            .header(
                "Authorization",
                HttpInvokeActivity.basicCredentials(
                    oauth.clientId(), HttpInvokeActivity.reveal(arn, oauth.clientSecret())));
    for (HttpConnection.Parameter parameter : oauth.headerParameters()) {
      request.header(parameter.key(), HttpInvokeActivity.reveal(arn, parameter.value()));
    }
    if (get) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .method(
              oauth.httpMethod(),
              HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.US_ASCII));
    }
    HttpInvokeActivity.Exchange exchange;
    try {
      exchange = activity.send(request.build());
    } catch (TaskError e) {
      throw failure(arn, "its token request failed: " + e.cause());
    }
    if (exchange.status() < 200 || exchange.status() > 299) {
      throw failure(arn, "its token endpoint answered HTTP " + exchange.status());
    }
    JsonNode answer;
    try {
      answer = JsonMapper.builder().build().readTree(exchange.body());
    } catch (IOException e) {
      throw failure(arn, "its token endpoint did not answer with JSON");
    }
    JsonNode token = answer == null ? null : answer.get("access_token");
    if (token == null || !token.isTextual() || token.textValue().isEmpty()) {
      throw failure(arn, "its token endpoint's answer has no access_token");
    }
    JsonNode expiresIn = answer.get("expires_in");
    long now = System.nanoTime();
    long expiresAt =
        expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? now + TimeUnit.SECONDS.toNanos(expiresIn.asLong())
            : now; // no lifetime given: use it for this request only
    return new Token(token.textValue(), expiresAt);
  }

  private static TaskError failure(String arn, String reason) {
    return TaskError.of(
        HttpInvokeActivity.ERROR_CONNECTION_STATE,
        "Connection '" + arn + "' cannot authorize: " + reason);
  }
}
