package io.statecraft.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rate limit as the running platform applies it: registered in front of both APIs, one bucket
 * for this loopback client, and the answers over the limit in each API's own shape.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "statecraft.temporal.embedded.port=0",
      "statecraft.api.rate-limit.enabled=true",
      // A bucket of three that refills once in 1,000 s: the fourth request in this test is over.
      "statecraft.api.rate-limit.requests-per-second=0.001",
      "statecraft.api.rate-limit.burst=3"
    })
class RateLimitIT {

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("statecraft-rate-limit-it");
    registry.add("statecraft.data-dir", dir::toString);
  }

  HttpResponse<String> aws(String action) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "AWSStepFunctions." + action)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> rest(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void overTheLimitTheAwsProtocolThrottlesAndRestAnswers429() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(aws("ListStateMachines").statusCode()).as("request %d", i + 1).isEqualTo(200);
    }

    HttpResponse<String> throttled = aws("ListStateMachines");
    assertThat(throttled.statusCode()).isEqualTo(400);
    JsonNode body = json.readTree(throttled.body());
    assertThat(body.path("__type").asText()).isEqualTo("ThrottlingException");
    assertThat(body.path("message").asText()).isNotBlank();

    HttpResponse<String> limited = rest("/api/v1/state-machines");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(limited.body()).path("status").asInt()).isEqualTo(429);
  }
}
