package io.statecraft.activities.demo.devops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.activities.demo.devops.DeploymentService.Deployment;
import io.statecraft.activities.demo.devops.DeploymentService.Health;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP contract of the DevOps demo's fake deploy/health API, independent of any web framework:
 * the platform passes each request under {@link #BASE_PATH} to {@link #handle} and writes back the
 * status and JSON body. The contract is documented in {@code examples/README.md}:
 *
 * <ul>
 *   <li>{@code POST /deployments} {@code {"service", "version", "environment"}} → 201 with the
 *       deployment; an {@code Idempotency-Key} header makes repeats return the first deployment.
 *   <li>{@code GET /deployments/{id}} → 200 with the deployment (each call is a status check that
 *       advances the rollout), 404.
 *   <li>{@code POST /deployments/{id}/rollback} → 200 with the rolled-back deployment, 404.
 *   <li>{@code GET /services/{service}/health?environment=...} → 200 {@code HEALTHY}, 503 {@code
 *       UNHEALTHY}, 404 when nothing is deployed.
 * </ul>
 *
 * Errors are {@code {"message": ...}} with 400, 404 or 405.
 */
public final class DevOpsDemoApi {

  /** Where the platform serves the API. */
  public static final String BASE_PATH = "/demo/devops";

  /** A response: status code and JSON body. */
  public record Response(int status, JsonNode body) {}

  private final DeploymentService deployments;
  private final ObjectMapper mapper;

  public DevOpsDemoApi(DeploymentService deployments, ObjectMapper mapper) {
    this.deployments = Objects.requireNonNull(deployments, "deployments");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * Handles one request.
   *
   * @param method the HTTP method
   * @param path the request path, with or without {@link #BASE_PATH}
   * @param rawQuery the raw query string, or {@code null}
   * @param headers request headers; names are matched case-insensitively
   * @param body the request body, possibly empty
   */
  public Response handle(
      String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    String relative = path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path;
    String[] parts = relative.replaceAll("^/+|/+$", "").split("/");
    if (parts.length == 1 && parts[0].equals("deployments")) {
      return method.equals("POST") ? start(headers, body) : notAllowed(method, relative);
    }
    if (parts.length == 2 && parts[0].equals("deployments")) {
      return method.equals("GET")
          ? found(deployments.check(decode(parts[1])), "deployment " + parts[1])
          : notAllowed(method, relative);
    }
    if (parts.length == 3 && parts[0].equals("deployments") && parts[2].equals("rollback")) {
      return method.equals("POST")
          ? found(deployments.rollback(decode(parts[1])), "deployment " + parts[1])
          : notAllowed(method, relative);
    }
    if (parts.length == 3 && parts[0].equals("services") && parts[2].equals("health")) {
      return method.equals("GET")
          ? health(decode(parts[1]), query(rawQuery, "environment"))
          : notAllowed(method, relative);
    }
    return error(404, "No route for " + method + " " + relative);
  }

  private Response start(Map<String, List<String>> headers, byte[] body) {
    JsonNode request;
    try {
      request = body == null || body.length == 0 ? null : mapper.readTree(body);
    } catch (IOException e) {
      return error(400, "The body is not JSON");
    }
    if (request == null || !request.isObject()) {
      return error(400, "The body must be a JSON object with service, version and environment");
    }
    for (String field : List.of("service", "version", "environment")) {
      JsonNode value = request.get(field);
      if (value == null || !value.isTextual() || value.textValue().isBlank()) {
        return error(400, "The body needs a non-empty string '" + field + "'");
      }
    }
    String key = header(headers, "Idempotency-Key");
    Deployment deployment =
        deployments.start(
            key,
            request.get("service").textValue(),
            request.get("version").textValue(),
            request.get("environment").textValue());
    return new Response(201, mapper.valueToTree(deployment));
  }

  private Response health(String service, String environment) {
    if (environment == null || environment.isBlank()) {
      return error(400, "The query needs environment");
    }
    Optional<Health> health = deployments.health(service, environment);
    if (health.isEmpty()) {
      return error(404, "Nothing of " + service + " is deployed to " + environment);
    }
    ObjectNode body = mapper.createObjectNode();
    body.put("service", service);
    body.put("environment", environment);
    body.put("version", health.get().version());
    body.put("status", health.get().healthy() ? "HEALTHY" : "UNHEALTHY");
    return new Response(health.get().healthy() ? 200 : 503, body);
  }

  private Response found(Optional<Deployment> deployment, String what) {
    return deployment
        .map(d -> new Response(200, mapper.valueToTree(d)))
        .orElseGet(() -> error(404, "No " + what));
  }

  private Response notAllowed(String method, String path) {
    return error(405, method + " is not allowed on " + path);
  }

  private Response error(int status, String message) {
    return new Response(status, mapper.createObjectNode().put("message", message));
  }

  private static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().equalsIgnoreCase(name)
          && !entry.getValue().isEmpty()) {
        String value = entry.getValue().get(0);
        return value == null || value.isBlank() ? null : value;
      }
    }
    return null;
  }

  private static String query(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
