package io.statecraft.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/**
 * The whole platform on a random HTTP port, a free embedded Temporal port and a fresh data
 * directory. Every integration test extending this shares one Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"statecraft.temporal.embedded.port=0"})
public abstract class PlatformITBase {

  static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("statecraft-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("statecraft.data-dir", DATA_DIR::toString);
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A JSON answer of the REST API; {@code body} is a null node when the answer has none. */
  protected record JsonAnswer(int status, JsonNode body, String contentType) {}

  /**
   * Sends a JSON request to the platform and reads the answer, which must never show a stack trace,
   * whatever its status.
   */
  protected JsonAnswer request(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).doesNotContain("\tat ", "at io.statecraft");
    return new JsonAnswer(
        response.statusCode(),
        response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()),
        response.headers().firstValue("Content-Type").orElse(""));
  }

  /**
   * An AWS SDK Step Functions client for this platform, signing with dummy credentials (accepted
   * while authentication is off); callers may configure it further before {@code build()}.
   */
  protected SfnClientBuilder sfnClient() {
    return SfnClient.builder()
        .endpointOverride(URI.create(baseUrl()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")));
  }
}
