package io.statecraft.activities.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.activities.TaskContext;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in task behind {@code "Resource": "arn:aws:states:::http:invoke"}: it calls an HTTPS
 * API the way AWS Step Functions' HTTP Task does.
 *
 * <p>Parameters: {@code ApiEndpoint} and {@code Method} (GET, POST, PUT, DELETE, PATCH, OPTIONS,
 * HEAD) are required, and so is the connection, as {@code Authentication.ConnectionArn} or {@code
 * InvocationConfig.ConnectionArn}; {@code Headers}, {@code QueryParameters}, {@code RequestBody}
 * and {@code Transform} ({@code RequestBodyEncoding} {@code NONE} or {@code URL_ENCODED}, with
 * {@code RequestEncodingOptions.ArrayFormat} {@code INDICES}, {@code REPEAT}, {@code COMMAS} or
 * {@code BRACKETS}) are optional. The connection's headers, query and body parameters are merged in
 * and win over the definition's; its credentials come from {@link HttpTaskSettings#connections()},
 * never from the definition.
 *
 * <p>Result: {@code {"Headers": {name: [values]}, "ResponseBody": ..., "StatusCode": 200,
 * "StatusText": "OK"}}, where {@code ResponseBody} is parsed JSON when the response's content type
 * is JSON ({@code application/json} or {@code +json}) and a string otherwise.
 *
 * <p>Errors:
 *
 * <ul>
 *   <li>{@code States.Http.StatusCode.<code>} for a response outside 2xx; the cause is the response
 *       in the shape of the result, as JSON text.
 *   <li>{@code States.Http.Socket} when the request cannot be completed: the host cannot be
 *       resolved, the connection fails, or the exchange takes longer than the request timeout (60
 *       seconds, AWS's limit, by default).
 *   <li>{@code States.Runtime} for parameters AWS rejects (missing fields, an unknown method, a
 *       header a definition may not set, a string body that cannot be merged with connection body
 *       parameters) and for responses AWS does not support (content type {@code
 *       application/octet-stream}, {@code image/*}, {@code video/*}, {@code audio/*}, or a body
 *       that is not valid text).
 *   <li>{@code Events.ConnectionResource.ResourceNotFound} when no connection is configured under
 *       the ARN, {@code Events.ConnectionResource.InvalidConnectionState} when its credentials
 *       cannot be obtained (a secret that cannot be read, an OAuth token request that fails).
 *   <li>{@code States.Permissions} when the destination is refused (see {@link HttpTaskSettings}).
 *   <li>{@code States.DataLimitExceeded} when the response body exceeds {@link
 *       HttpTaskSettings#maxResponseBytes()}.
 * </ul>
 *
 * <p>Deliberate differences from AWS: plain {@code http://} endpoints can be enabled ({@link
 * HttpTaskSettings.Builder#allowPlainHttp}); the {@code User-Agent} names this platform; {@code
 * StatusText} is the standard phrase of the status code; redirects are not followed (a 3xx answer
 * is returned as its {@code States.Http.StatusCode} error), so that every destination is checked. A
 * string {@code RequestBody} is sent as it is rather than as a JSON string.
 *
 * <p>Only the method, host, path and status are logged, at DEBUG; payloads, headers and query
 * strings are never logged.
 */
public final class HttpInvokeActivity {

  /** The activity type: the resource ARN itself, which no activity or function name can equal. */
  public static final String ACTIVITY_TYPE = "arn:aws:states:::http:invoke";

  /** A transport failure or a timeout. */
  public static final String ERROR_SOCKET = "States.Http.Socket";

  /** The prefix of the error for a non-2xx status, followed by the code. */
  public static final String ERROR_STATUS_CODE_PREFIX = "States.Http.StatusCode.";

  static final String ERROR_RUNTIME = "States.Runtime";
  static final String ERROR_PERMISSIONS = "States.Permissions";
  static final String ERROR_DATA_LIMIT = "States.DataLimitExceeded";
  static final String ERROR_CONNECTION_NOT_FOUND = "Events.ConnectionResource.ResourceNotFound";
  static final String ERROR_CONNECTION_STATE = "Events.ConnectionResource.InvalidConnectionState";

  private static final Logger log = LoggerFactory.getLogger(HttpInvokeActivity.class);
  private static final String JSON_UTF8 = "application/json; charset=UTF-8";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final HttpTaskSettings settings;
  private final DestinationPolicy policy;
  private final HttpClient client;
  private final OAuthTokens tokens;
  private final ObjectMapper mapper = JsonMapper.builder().build();

  /** An HTTP Task with these settings. */
  public HttpInvokeActivity(HttpTaskSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.policy =
        new DestinationPolicy(
            settings.allowedDestinations(), settings.denyPrivateNetworks(), settings.resolver());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.tokens = new OAuthTokens(this);
  }

  /**
   * Calls the API the parameters describe.
   *
   * @param parameters the state's effective parameters
   * @param context the running task (unused beyond logging correlation)
   * @return the response, shaped like AWS's
   * @throws TaskError as listed in the class documentation
   */
  @AslTask(ACTIVITY_TYPE)
  public JsonNode invoke(JsonNode parameters, TaskContext context) {
    HttpInvokeRequest request = HttpInvokeRequest.parse(parameters, settings.allowPlainHttp());
    HttpConnection connection = settings.connections().get(request.connectionArn);
    if (connection == null) {
      throw TaskError.of(
          ERROR_CONNECTION_NOT_FOUND,
          "No connection is configured for ConnectionArn '" + request.connectionArn + "'");
    }
    byte[] body = body(request, connection);
    URI uri = uri(request, connection);
    policy.check(uri);

    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .method(
                request.method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // Without this the JDK client asks a plain-HTTP server to upgrade to h2c.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    HttpInvokeRequest.Headers headers = request.headers;
    for (HttpConnection.Parameter parameter : connection.headerParameters()) {
      headers.set(parameter.key(), List.of(reveal(request.connectionArn, parameter.value())));
    }
    if (body != null && !headers.has("Content-Type")) {
      headers.set("Content-Type", List.of(request.urlEncoded ? FORM : JSON_UTF8));
    }
    headers.set("User-Agent", List.of(settings.userAgent()));
    headers.set("Range", List.of("bytes=0-" + settings.maxResponseBytes()));
    authorize(headers, request.connectionArn, connection.authorization());
    try {
      for (Map.Entry<String, List<String>> header : headers.entries()) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
    } catch (IllegalArgumentException e) {
      throw HttpInvokeRequest.runtime("A header of the HTTP Task is not valid: " + e.getMessage());
    }

    Exchange exchange = send(builder.build());
    if (exchange.status == 401
        && connection.authorization() instanceof HttpConnection.OAuthClientCredentials) {
      tokens.invalidate(request.connectionArn);
    }
    ObjectNode result = result(exchange);
    if (exchange.status < 200 || exchange.status > 299) {
      throw TaskError.of(ERROR_STATUS_CODE_PREFIX + exchange.status, result.toString());
    }
    return result;
  }

  private byte[] body(HttpInvokeRequest request, HttpConnection connection) {
    JsonNode body = request.body;
    List<HttpConnection.Parameter> extra = connection.bodyParameters();
    if (!extra.isEmpty()) {
      if (body != null && body.isTextual()) {
        throw HttpInvokeRequest.runtime(
            "The RequestBody is a string, so the connection's body parameters cannot be merged"
                + " into it");
      }
      if (body != null && !body.isNull() && !body.isObject()) {
        throw HttpInvokeRequest.runtime(
            "The RequestBody must be a JSON object to merge the connection's body parameters");
      }
      ObjectNode merged =
          body == null || body.isNull() ? mapper.createObjectNode() : body.deepCopy();
      for (HttpConnection.Parameter parameter : extra) {
        merged.put(parameter.key(), reveal(request.connectionArn, parameter.value()));
      }
      body = merged;
    }
    if (body == null) {
      return null;
    }
    if (request.urlEncoded) {
      if (!body.isObject()) {
        throw HttpInvokeRequest.runtime(
            "A URL_ENCODED RequestBody must be a JSON object, was "
                + body.getNodeType().toString().toLowerCase(Locale.ROOT));
      }
      return FormEncoder.encode(body, request.arrayFormat).getBytes(StandardCharsets.US_ASCII);
    }
    if (body.isTextual()) {
      return body.textValue().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw HttpInvokeRequest.runtime("The RequestBody cannot be written as JSON");
    }
  }

  private URI uri(HttpInvokeRequest request, HttpConnection connection) {
    Map<String, List<String>> query = new LinkedHashMap<>(request.query);
    for (HttpConnection.Parameter parameter : connection.queryParameters()) {
      query.put(parameter.key(), List.of(reveal(request.connectionArn, parameter.value())));
    }
    URI endpoint = request.endpoint;
    StringBuilder raw = new StringBuilder();
    if (endpoint.getRawQuery() != null) {
      raw.append(endpoint.getRawQuery());
    }
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      for (String value : entry.getValue()) {
        if (!raw.isEmpty()) {
          raw.append('&');
        }
        raw.append(FormEncoder.percentEncode(entry.getKey()))
            .append('=')
            .append(FormEncoder.percentEncode(value));
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(endpoint.getScheme()).append("://").append(endpoint.getRawAuthority());
    text.append(
        endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
            ? "/"
            : endpoint.getRawPath());
    if (!raw.isEmpty()) {
      text.append('?').append(raw);
    }
    try {
      return new URI(text.toString());
    } catch (URISyntaxException e) {
      throw HttpInvokeRequest.runtime("The request URL cannot be built: " + e.getReason());
    }
  }

  private void authorize(
      HttpInvokeRequest.Headers headers, String arn, HttpConnection.Authorization authorization) {
    switch (authorization) {
      case HttpConnection.ApiKey key ->
          headers.set(key.headerName(), List.of(reveal(arn, key.value())));
      case HttpConnection.Basic basic ->
          headers.set(
              "Authorization",
              List.of(basicCredentials(basic.username(), reveal(arn, basic.password()))));
      case HttpConnection.OAuthClientCredentials oauth ->
          headers.set("Authorization", List.of("Bearer " + tokens.token(arn, oauth)));
      case HttpConnection.None none -> {}
    }
  }

  static String basicCredentials(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String reveal(String arn, Secret secret) {
    try {
      return secret.reveal();
    } catch (IllegalStateException e) {
      throw TaskError.of(
          ERROR_CONNECTION_STATE,
          "The credentials of connection '" + arn + "' are not available: " + e.getMessage());
    }
  }

  HttpTaskSettings settings() {
    return settings;
  }

  DestinationPolicy policy() {
    return policy;
  }

  /** A finished exchange: status, headers and the raw body (at most the configured size). */
  record Exchange(int status, Map<String, List<String>> headers, byte[] body) {}

  /**
   * Sends a request within the request timeout, reading at most {@link
   * HttpTaskSettings#maxResponseBytes()} of body.
   */
  Exchange send(HttpRequest request) {
    long started = System.nanoTime();
    Duration timeout = settings.requestTimeout();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> new LimitedBodySubscriber(settings.maxResponseBytes()));
    HttpResponse<byte[]> response;
    try {
      response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw socket(request, "the request did not complete within " + seconds(timeout));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw socket(request, "the request was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof LimitedBodySubscriber.TooLarge) {
          throw TaskError.of(
              ERROR_DATA_LIMIT,
              "The response body of "
                  + describe(request)
                  + " is larger than "
                  + settings.maxResponseBytes()
                  + " bytes");
        }
      }
      if (cause instanceof HttpTimeoutException) {
        throw socket(request, "the request did not complete within " + seconds(timeout));
      }
      if (cause instanceof IOException) {
        String message =
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        throw socket(request, message);
      }
      throw socket(request, String.valueOf(cause));
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "HTTP Task {} -> {} in {} ms",
          describe(request),
          response.statusCode(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    return new Exchange(response.statusCode(), response.headers().map(), response.body());
  }

  private static TaskError socket(HttpRequest request, String reason) {
    return TaskError.of(ERROR_SOCKET, "Calling " + describe(request) + " failed: " + reason);
  }

  private static String describe(HttpRequest request) {
    URI uri = request.uri();
    return request.method()
        + " "
        + uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + uri.getRawPath();
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " seconds"
        : duration.toMillis() + " ms";
  }

  private ObjectNode result(Exchange exchange) {
    ObjectNode result = mapper.createObjectNode();
    ObjectNode headers = result.putObject("Headers");
    // Sorted, so the same response always gives the same JSON.
    Map<String, List<String>> sorted = new TreeMap<>(exchange.headers());
    sorted.remove(":status");
    sorted.forEach(
        (name, values) -> {
          var array = headers.putArray(name);
          values.forEach(array::add);
        });
    String contentType =
        exchange.headers().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("content-type"))
            .flatMap(e -> e.getValue().stream())
            .findFirst()
            .orElse("");
    String mediaType = mediaType(contentType);
    if (mediaType.equals("application/octet-stream")
        || mediaType.startsWith("image/")
        || mediaType.startsWith("video/")
        || mediaType.startsWith("audio/")) {
      throw HttpInvokeRequest.runtime(
          "The HTTP Task does not support responses of content type " + mediaType);
    }
    String text = decode(exchange.body(), charset(contentType));
    JsonNode body = null;
    if (!text.isEmpty() && (mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
      try {
        body = mapper.readTree(text);
      } catch (JsonProcessingException e) {
        body = null; // not JSON after all: returned as the text it is
      }
    }
    if (body == null) {
      result.put("ResponseBody", text);
    } else {
      result.set("ResponseBody", body);
    }
    result.put("StatusCode", exchange.status());
    result.put("StatusText", HttpStatusText.of(exchange.status()));
    return result;
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static Charset charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring("charset=".length()).replace("\"", "").trim();
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          throw HttpInvokeRequest.runtime("The response's charset '" + name + "' is not supported");
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String decode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw HttpInvokeRequest.runtime(
          "The response body cannot be read as " + charset.name() + " text");
    }
  }
}
