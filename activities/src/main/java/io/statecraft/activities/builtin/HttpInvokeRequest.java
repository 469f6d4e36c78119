package io.statecraft.activities.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.sdk.TaskError;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parameters of an {@code arn:aws:states:::http:invoke} task, checked. */
final class HttpInvokeRequest {

  static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

  private static final Set<String> FIELDS =
      Set.of(
          "ApiEndpoint",
          "Method",
          "Authentication",
          "InvocationConfig",
          "Headers",
          "QueryParameters",
          "Transform",
          "RequestBody");

  // The headers AWS does not let a definition set; using one fails the task with States.Runtime.
  private static final Set<String> FORBIDDEN_HEADERS =
      Set.of(
          "a-im",
          "accept-charset",
          "accept-datetime",
          "accept-encoding",
          "authorization",
          "cache-control",
          "connection",
          "content-encoding",
          "content-md5",
          "date",
          "expect",
          "forwarded",
          "from",
          "host",
          "http2-settings",
          "if-match",
          "if-modified-since",
          "if-none-match",
          "if-range",
          "if-unmodified-since",
          "max-forwards",
          "origin",
          "pragma",
          "proxy-authorization",
          "referer",
          "server",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "via",
          "warning");

  private static final List<String> FORBIDDEN_HEADER_PREFIXES =
      List.of("x-forwarded-", "x-amz-", "x-amzn-");

  final URI endpoint;
  final String method;
  final String connectionArn;
  final Headers headers;
  final Map<String, List<String>> query;
  final JsonNode body;
  final boolean urlEncoded;
  final FormEncoder.ArrayFormat arrayFormat;

  private HttpInvokeRequest(
      URI endpoint,
      String method,
      String connectionArn,
      Headers headers,
      Map<String, List<String>> query,
      JsonNode body,
      boolean urlEncoded,
      FormEncoder.ArrayFormat arrayFormat) {
    this.endpoint = endpoint;
    this.method = method;
    this.connectionArn = connectionArn;
    this.headers = headers;
    this.query = query;
    this.body = body;
    this.urlEncoded = urlEncoded;
    this.arrayFormat = arrayFormat;
  }

  /**
   * Reads and checks the task's parameters.
   *
   * @throws TaskError {@code States.Runtime} naming the offending field
   */
  static HttpInvokeRequest parse(JsonNode parameters, boolean allowPlainHttp) {
    if (parameters == null || !parameters.isObject()) {
      throw runtime(
          "The parameters of an HTTP Task must be a JSON object with ApiEndpoint, Method and"
              + " Authentication, got "
              + (parameters == null
                  ? "nothing"
                  : parameters.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    Iterator<String> names = parameters.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw runtime(
            "The HTTP Task parameters have an unknown field '"
                + name
                + "'; the fields are "
                + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    URI endpoint = endpoint(parameters.get("ApiEndpoint"), allowPlainHttp);
    String method = method(parameters.get("Method"));
    String connectionArn = connectionArn(parameters);
    Headers headers = headers(parameters.get("Headers"));
    Map<String, List<String>> query = query(parameters.get("QueryParameters"));
    boolean urlEncoded = false;
    FormEncoder.ArrayFormat arrayFormat = FormEncoder.ArrayFormat.INDICES;
    JsonNode transform = parameters.get("Transform");
    if (transform != null && !transform.isNull()) {
      if (!transform.isObject()) {
        throw runtime("Transform must be a JSON object");
      }
      JsonNode encoding = transform.get("RequestBodyEncoding");
      if (encoding != null && !encoding.isNull()) {
        String value = encoding.isTextual() ? encoding.textValue() : encoding.toString();
        switch (value) {
          case "NONE" -> urlEncoded = false;
          case "URL_ENCODED" -> urlEncoded = true;
          default ->
              throw runtime(
                  "Transform.RequestBodyEncoding must be NONE or URL_ENCODED, was " + encoding);
        }
      }
      JsonNode options = transform.get("RequestEncodingOptions");
      if (options != null && !options.isNull()) {
        JsonNode format = options.isObject() ? options.get("ArrayFormat") : null;
        if (!options.isObject()) {
          throw runtime("Transform.RequestEncodingOptions must be a JSON object");
        }
        if (format != null && !format.isNull()) {
          try {
            arrayFormat = FormEncoder.ArrayFormat.valueOf(format.asText());
          } catch (IllegalArgumentException e) {
            throw runtime(
                "Transform.RequestEncodingOptions.ArrayFormat must be INDICES, REPEAT, COMMAS or"
                    + " BRACKETS, was "
                    + format);
          }
        }
      }
    }
    JsonNode body = parameters.get("RequestBody");
    return new HttpInvokeRequest(
        endpoint, method, connectionArn, headers, query, body, urlEncoded, arrayFormat);
  }

  private static URI endpoint(JsonNode node, boolean allowPlainHttp) {
    if (node == null || node.isNull()) {
      throw runtime("The HTTP Task parameters need ApiEndpoint");
    }
    if (!node.isTextual()) {
      throw runtime("ApiEndpoint must be a string URL, was " + node);
    }
    URI uri;
    try {
      uri = new URI(node.textValue());
    } catch (URISyntaxException e) {
      throw runtime("ApiEndpoint '" + node.textValue() + "' is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    if (!https && !(scheme.equals("http") && allowPlainHttp)) {
      throw runtime(
          "ApiEndpoint '"
              + node.textValue()
              + "' must be an https:// URL"
              + (scheme.equals("http")
                  ? " (http:// endpoints are disabled in this platform)"
                  : ""));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw runtime("ApiEndpoint '" + node.textValue() + "' has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw runtime(
          "ApiEndpoint must not contain credentials; put them in the EventBridge connection");
    }
    return uri;
  }

  private static String method(JsonNode node) {
    if (node == null || node.isNull()) {
      throw runtime("The HTTP Task parameters need Method");
    }
    if (!node.isTextual() || !METHODS.contains(node.textValue())) {
      throw runtime(
          "Method must be one of GET, POST, PUT, DELETE, PATCH, OPTIONS or HEAD, was " + node);
    }
    return node.textValue();
  }

  private static String connectionArn(JsonNode parameters) {
    String fromAuthentication = arnIn(parameters, "Authentication");
    String fromInvocationConfig = arnIn(parameters, "InvocationConfig");
    if (fromAuthentication != null
        && fromInvocationConfig != null
        && !fromAuthentication.equals(fromInvocationConfig)) {
      throw runtime(
          "Authentication.ConnectionArn and InvocationConfig.ConnectionArn name different"
              + " connections; give one of them");
    }
    String arn = fromInvocationConfig != null ? fromInvocationConfig : fromAuthentication;
    if (arn == null) {
      throw runtime(
          "An HTTP Task needs a connection: Authentication.ConnectionArn or"
              + " InvocationConfig.ConnectionArn");
    }
    return arn;
  }

  private static String arnIn(JsonNode parameters, String field) {
    JsonNode holder = parameters.get(field);
    if (holder == null || holder.isNull()) {
      return null;
    }
    JsonNode arn = holder.isObject() ? holder.get("ConnectionArn") : null;
    if (arn == null || !arn.isTextual() || arn.textValue().isBlank()) {
      throw runtime(field + " must be an object with a ConnectionArn string");
    }
    return arn.textValue();
  }

  private static Headers headers(JsonNode node) {
    Headers headers = new Headers();
    if (node == null || node.isNull()) {
      return headers;
    }
    if (!node.isObject()) {
      throw runtime("Headers must be a JSON object of header names and values");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (FORBIDDEN_HEADERS.contains(lower)
          || FORBIDDEN_HEADER_PREFIXES.stream().anyMatch(lower::startsWith)) {
        throw runtime(
            "The header '"
                + name
                + "' cannot be set by an HTTP Task definition"
                + (lower.equals("authorization")
                    ? "; put credentials in the EventBridge connection"
                    : ""));
      }
      if (lower.equals("content-length")) {
        continue; // computed from the body that is actually sent
      }
      headers.set(name, values("Headers." + name, field.getValue()));
    }
    return headers;
  }

  private static Map<String, List<String>> query(JsonNode node) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return query;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        try {
          String key =
              URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String value =
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        } catch (IllegalArgumentException e) {
          throw runtime(
              "QueryParameters '" + text + "' is not a valid query string: " + e.getMessage());
        }
      }
      return query;
    }
    if (!node.isObject()) {
      throw runtime("QueryParameters must be a JSON object or a query string");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      query.put(field.getKey(), values("QueryParameters." + field.getKey(), field.getValue()));
    }
    return query;
  }

  private static List<String> values(String where, JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        out.add(scalar(where, item));
      }
    } else {
      out.add(scalar(where, value));
    }
    return out;
  }

  private static String scalar(String where, JsonNode value) {
    if (value.isContainerNode()) {
      throw runtime(where + " must be a string, number, boolean or an array of them");
    }
    return value.isNull() ? "" : value.asText();
  }

  static TaskError runtime(String cause) {
    return TaskError.of(HttpInvokeActivity.ERROR_RUNTIME, cause);
  }

  /** Headers by case-insensitive name, in the order first set, keeping the name's spelling. */
  static final class Headers {
    private final Map<String, Map.Entry<String, List<String>>> byLowerName = new LinkedHashMap<>();

    void set(String name, List<String> values) {
      byLowerName.put(name.toLowerCase(Locale.ROOT), Map.entry(name, List.copyOf(values)));
    }

    boolean has(String name) {
      return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    Iterable<Map.Entry<String, List<String>>> entries() {
      return byLowerName.values();
    }
  }
}
