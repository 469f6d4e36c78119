package io.statecraft.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** With authentication on: SigV4 on the AWS protocol, API keys or HTTP basic on the REST API. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "statecraft.temporal.embedded.port=0",
      "statecraft.security.enabled=true",
      "statecraft.security.aws-credentials[0].access-key-id=AKIDSTATECRAFT",
      "statecraft.security.aws-credentials[0].secret-access-key=s3cr3t/key+value",
      "statecraft.security.api-keys[0]=key-one",
      "statecraft.security.users[0].name=ops",
      "statecraft.security.users[0].password=pa55word",
      "spring.datasource.url=jdbc:h2:mem:auth;DB_CLOSE_DELAY=-1"
    })
class AuthenticationIT {

  static final String DEFINITION = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}";

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  SfnClient sfn(String accessKey, String secret) {
    return SfnClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
        .build();
  }

  @Test
  void aCorrectSigV4SignatureIsAccepted() {
    try (SfnClient sfn = sfn("AKIDSTATECRAFT", "s3cr3t/key+value")) {
      assertThat(sfn.validateStateMachineDefinition(r -> r.definition(DEFINITION)).result())
          .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
      var created =
          sfn.createStateMachine(
              r ->
                  r.name("Signed")
                      .definition(DEFINITION)
                      .roleArn("arn:aws:iam::123456789012:role/r"));
      assertThat(created.stateMachineArn()).endsWith(":stateMachine:Signed");
    }
  }

  @Test
  void aWrongSecretIsInvalidSignatureException() {
    try (SfnClient sfn = sfn("AKIDSTATECRAFT", "wrong-secret")) {
      assertThatThrownBy(() -> sfn.listStateMachines(r -> {}))
          .isInstanceOfSatisfying(
              SfnException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.getMessage()).contains("signature we calculated does not match");
              });
    }
  }

  @Test
  void anUnknownAccessKeyIsUnrecognizedClientException() {
    try (SfnClient sfn = sfn("AKIDUNKNOWN", "s3cr3t/key+value")) {
      assertThatThrownBy(() -> sfn.listStateMachines(r -> {}))
          .isInstanceOfSatisfying(
              SfnException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException");
                assertThat(e.getMessage())
                    .contains("security token included in the request is invalid");
              });
    }
  }

  @Test
  void anUnsignedRequestIsMissingAuthenticationToken() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
  }

  @Test
  void theRestApiTakesAnApiKeyOrBasicCredentials() throws Exception {
    assertThat(rest(null).statusCode()).isEqualTo(401);
    assertThat(rest(null).body()).contains("Authentication required");
    assertThat(rest(new String[] {"X-Api-Key", "key-one"}).statusCode()).isEqualTo(200);
    assertThat(rest(new String[] {"X-Api-Key", "key-two"}).statusCode()).isEqualTo(401);
    assertThat(rest(new String[] {"Authorization", basic("ops", "pa55word")}).statusCode())
        .isEqualTo(200);
    assertThat(rest(new String[] {"Authorization", basic("ops", "nope")}).statusCode())
        .isEqualTo(401);
  }

  @Test
  void healthStaysOpenAndMetricsAreProtected() throws Exception {
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/metrics", new String[] {"X-Api-Key", "key-one"}).statusCode())
        .isEqualTo(200);
  }

  HttpResponse<String> rest(String[] header) throws IOException, InterruptedException {
    return get("/api/v1/state-machines", header);
  }

  HttpResponse<String> get(String path, String[] header) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (header != null) {
      request.header(header[0], header[1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
