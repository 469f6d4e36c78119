package io.statecraft.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.StatecraftApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The health endpoint and its probe groups, as orchestrators see them: liveness is the process
 * alone; readiness adds the registry's database (api role) and Temporal.
 */
class HealthGroupsIT {

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  ConfigurableApplicationContext start(String role, String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--statecraft.role=" + role);
    args.add("--statecraft.data-dir=" + dataDir);
    args.add("--statecraft.temporal.embedded.port=0");
    args.add("--server.port=0");
    args.add("--statecraft.examples.preload=false");
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(StatecraftApplication.class)
        .run(args.toArray(String[]::new));
  }

  record Answer(int status, JsonNode body) {
    Set<String> components() {
      Set<String> names = new TreeSet<>();
      body.path("components").fieldNames().forEachRemaining(names::add);
      return names;
    }

    String status(String component) {
      return body.path("components").path(component).path("status").asText();
    }
  }

  Answer get(ConfigurableApplicationContext context, String path) throws Exception {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), json.readTree(response.body()));
  }

  @Test
  void anApiProcessReportsItsDatabaseAndTemporal() throws Exception {
    try (ConfigurableApplicationContext context = start("api")) {
      Answer health = get(context, "/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body().path("status").asText()).isEqualTo("UP");
      assertThat(health.components()).contains("db", "temporal", "livenessState", "readinessState");
      assertThat(health.status("db")).isEqualTo("UP");
      assertThat(health.status("temporal")).isEqualTo("UP");
      // Details (the Temporal address) are for authenticated callers only.
      assertThat(health.body().path("components").path("temporal").has("details")).isFalse();

      Answer readiness = get(context, "/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(200);
      assertThat(readiness.components()).containsExactly("db", "readinessState", "temporal");

      Answer liveness = get(context, "/actuator/health/liveness");
      assertThat(liveness.status()).isEqualTo(200);
      assertThat(liveness.components()).containsExactly("livenessState");
    }
  }

  @Test
  void aWorkerIsReadyWithoutADatabase() throws Exception {
    try (ConfigurableApplicationContext context = start("worker")) {
      Answer health = get(context, "/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.components()).contains("temporal").doesNotContain("db");

      Answer readiness = get(context, "/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(200);
      assertThat(readiness.components()).containsExactly("readinessState", "temporal");

      assertThat(get(context, "/actuator/health/liveness").components())
          .containsExactly("livenessState");
    }
  }

  @Test
  void anUnreachableTemporalMakesTheProcessUnreadyButLeavesItAlive() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (ConfigurableApplicationContext context =
        start("api", "--statecraft.temporal.target=127.0.0.1:" + closedPort)) {
      Answer readiness = get(context, "/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.body().path("status").asText()).isEqualTo("DOWN");
      assertThat(readiness.status("temporal")).isEqualTo("DOWN");
      assertThat(readiness.status("db")).isEqualTo("UP");

      Answer liveness = get(context, "/actuator/health/liveness");
      assertThat(liveness.status()).isEqualTo(200);
      assertThat(liveness.body().path("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void prometheusScrapesTheProcessMetrics() throws Exception {
    try (ConfigurableApplicationContext context = start("api")) {
      get(context, "/actuator/health");
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
      assertThat(response.body())
          .contains("jvm_memory_used_bytes{")
          .contains("http_server_requests_seconds_count{");
    }
  }
}
