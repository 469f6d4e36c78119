package io.statecraft.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.api.PlatformITBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's page and files, as the platform serves them. */
class ConsoleIT extends PlatformITBase {

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAtTheRootUnderTheContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<script type=\"module\" src=\"console/app.js\"></script>");
    assertThat(page.headers().firstValue("content-security-policy"))
        .contains(ConsoleWebConfiguration.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("cache-control")).contains("no-cache");
    assertThat(page.headers().firstValue("referrer-policy")).contains("no-referrer");
  }

  @Test
  void servesEveryConsoleFileWithItsTypeAndTheSamePolicy() throws Exception {
    List<Path> files;
    try (Stream<Path> listed = Files.list(Path.of("src/main/resources/static/console"))) {
      files = listed.sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("app.js", "console.css");
    for (Path file : files) {
      String name = file.getFileName().toString();
      HttpResponse<String> response = get("/console/" + name);
      assertThat(response.statusCode()).as(name).isEqualTo(200);
      assertThat(response.body()).as(name).isEqualTo(Files.readString(file));
      String expectedType =
          name.endsWith(".js")
              ? "text/javascript"
              : name.endsWith(".css") ? "text/css" : name.endsWith(".svg") ? "image/svg+xml" : "";
      assertThat(response.headers().firstValue("content-type"))
          .as(name)
          .hasValueSatisfying(type -> assertThat(type).startsWith(expectedType));
      assertThat(response.headers().firstValue("content-security-policy"))
          .as(name)
          .contains(ConsoleWebConfiguration.CONTENT_SECURITY_POLICY);
      assertThat(response.headers().firstValue("cache-control")).as(name).contains("no-cache");
    }
  }

  @Test
  void aMissingConsoleFileIsAProblemNotAPage() throws Exception {
    HttpResponse<String> response = get("/console/nothing-here.js");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
  }

  @Test
  void theAwsProtocolStillAnswersPostsToTheRoot() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("UnknownOperationException");
    assertThat(response.headers().firstValue("content-security-policy")).isEmpty();
  }
}
