package io.statecraft.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.api.PlatformITBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every REST endpoint that takes a body, fed broken bodies: problem details, 4xx, never 5xx. */
class RestFuzzIT extends PlatformITBase {

  record Endpoint(String method, String path) {}

  static Stream<Endpoint> endpoints() {
    return Stream.of(
        new Endpoint("POST", "/api/v1/state-machines"),
        new Endpoint("PATCH", "/api/v1/state-machines/Fuzzed"),
        new Endpoint("POST", "/api/v1/state-machines/Fuzzed/versions"),
        new Endpoint("POST", "/api/v1/state-machines/Fuzzed/aliases"),
        new Endpoint("PATCH", "/api/v1/state-machines/Fuzzed/aliases/live"),
        new Endpoint("POST", "/api/v1/state-machines/Fuzzed/tags"),
        new Endpoint("POST", "/api/v1/validate"),
        new Endpoint("POST", "/api/v1/state-machines/Fuzzed/executions"),
        new Endpoint("POST", "/api/v1/state-machines/Fuzzed/executions/none/stop"),
        new Endpoint("POST", "/api/v1/task-tokens/success"),
        new Endpoint("POST", "/api/v1/task-tokens/failure"),
        new Endpoint("POST", "/api/v1/task-tokens/heartbeat"),
        new Endpoint("POST", "/api/v1/test-state"),
        new Endpoint("POST", "/demo/fraud/reviews/none/decision"));
  }

  static final List<String> BAD_BODIES =
      List.of(
          "{",
          "[]",
          "null",
          "42",
          "{\"name\":{}}",
          "{\"definition\":12}",
          "{\"routing\":\"all\"}",
          "{\"tags\":[1,2]}",
          "{\"extra\":1}",
          "{\"a\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001),
          "{\"maxResults\":" + "9".repeat(3000) + "}",
          "{\"input\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
          "{\"taskToken\":12,\"output\":{}}",
          "{\"qualifier\":\"\"}",
          "{\"definition\":[],\"variables\":3}",
          "[".repeat(10_000) + "]".repeat(10_000),
          "{\"input\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001),
          "{\"maxResults\":1e400}",
          "{\"name\":\"x\",\"input\":{\"n\":" + "7".repeat(10_000) + "}}",
          "{\"name\":\"x\",\"definition\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
              + "\"Result\":"
              + "[".repeat(10_000)
              + "]".repeat(10_000)
              + ",\"End\":true}}}}");

  final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest
  @MethodSource("endpoints")
  void brokenBodiesGetProblemDetails(Endpoint endpoint) throws Exception {
    for (String body : BAD_BODIES) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + endpoint.path()))
                  .header("Content-Type", "application/json")
                  .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String what = endpoint + " with " + (body.length() > 60 ? body.substring(0, 60) : body);
      assertThat(response.statusCode()).as(what).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(what)
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(response.body()).as(what).contains("\"code\"").doesNotContain("\tat ");
    }
  }
}
