package io.statecraft.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With authentication on, the console's files stay readable (they hold no data) while the REST API
 * they call still asks for credentials.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "statecraft.temporal.embedded.port=0",
      "statecraft.security.enabled=true",
      "statecraft.security.api-keys[0]=console-key",
      "spring.datasource.url=jdbc:h2:mem:console-auth;DB_CLOSE_DELAY=-1"
    })
class ConsoleAuthenticationIT {

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path, String apiKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageAndItsFilesNeedNoCredentials() throws Exception {
    assertThat(get("/", null).statusCode()).isEqualTo(200);
    assertThat(get("/index.html", null).statusCode()).isEqualTo(200);
    assertThat(get("/console/app.js", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theApiThePageCallsStillDoes() throws Exception {
    HttpResponse<String> anonymous = get("/api/v1/state-machines", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("UnrecognizedClientException");

    assertThat(get("/api/v1/state-machines", "console-key").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyReadsOfConsolePathsAreOpen() throws Exception {
    assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/app.js"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(401);
  }
}
