package io.statecraft.activities.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.statecraft.activities.FixedTaskContext;
import io.statecraft.activities.sdk.TaskError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpInvokeActivityTest {

  private static final String NONE = "arn:aws:events:us-east-1:123456789012:connection/test/none";
  private static final String API_KEY = "arn:aws:events:us-east-1:123456789012:connection/test/key";
  private static final String BASIC = "arn:aws:events:us-east-1:123456789012:connection/test/basic";
  private static final String OAUTH = "arn:aws:events:us-east-1:123456789012:connection/test/oauth";
  private static final String UNSET =
      "arn:aws:events:us-east-1:123456789012:connection/test/unset-secret";

  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final FixedTaskContext context = FixedTaskContext.of("sm/exec-1", "CallApi");
  private LoopbackServer server;
  private HttpInvokeActivity activity;

  @BeforeEach
  void setUp() throws Exception {
    server = new LoopbackServer();
    activity = new HttpInvokeActivity(settings().build());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private HttpTaskSettings.Builder settings() {
    return HttpTaskSettings.builder()
        .allowPlainHttp(true)
        .requestTimeout(Duration.ofSeconds(5))
        .connection(NONE, HttpConnection.none())
        .connection(
            API_KEY,
            HttpConnection.apiKey("x-api-key", Secret.of("s3cr3t-key"))
                .withHeader("Header-Param", Secret.of("connection_header_param"))
                .withQueryParameter("QueryParam", Secret.of("connection_query_param"))
                .withBodyParameter("BodyParam", Secret.of("connection_body_param")))
        .connection(BASIC, HttpConnection.basic("alice", Secret.of("pa55word")))
        .connection(
            OAUTH,
            HttpConnection.oauthClientCredentials(
                URI.create(server.url("/token")), "client-1", Secret.of("client-s3cret")))
        .connection(
            UNSET,
            HttpConnection.apiKey(
                "x-api-key", Secret.fromEnvironment("STATECRAFT_TEST_KEY", Map.of())));
  }

  private JsonNode invoke(String parameters) throws Exception {
    return activity.invoke(mapper.readTree(parameters), context);
  }

  private TaskError failure(String parameters) throws Exception {
    JsonNode parsed = mapper.readTree(parameters);
    try {
      activity.invoke(parsed, context);
    } catch (TaskError e) {
      return e;
    }
    throw new AssertionError("Expected the HTTP Task to fail");
  }

  private String call(String method, String path, String connection, String extra) {
    return "{\"ApiEndpoint\":\""
        + server.url(path)
        + "\",\"Method\":\""
        + method
        + "\",\"Authentication\":{\"ConnectionArn\":\""
        + connection
        + "\"}"
        + extra
        + "}";
  }

  @Test
  void getReturnsTheResponseShapedLikeAws() throws Exception {
    server.on(
        "/v1/customers",
        (exchange, request) -> {
          exchange.getResponseHeaders().add("X-Trace", "abc");
          LoopbackServer.respond(
              exchange,
              200,
              "application/json; charset=utf-8",
              "{\"customers\":[{\"id\":\"c1\"}]}");
        });

    JsonNode result =
        invoke(
            call(
                "GET",
                "/v1/customers",
                NONE,
                ",\"QueryParameters\":{\"currency\":\"usd\",\"tag\":[\"a b\",\"c&d\"]}"));

    assertThat(result.fieldNames())
        .toIterable()
        .containsExactly("Headers", "ResponseBody", "StatusCode", "StatusText");
    assertThat(result.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(result.get("StatusText").asText()).isEqualTo("OK");
    assertThat(result.get("ResponseBody"))
        .isEqualTo(mapper.readTree("{\"customers\":[{\"id\":\"c1\"}]}"));
    assertThat(result.get("Headers").get("x-trace").get(0).asText()).isEqualTo("abc");

    LoopbackServer.Received request = server.last();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawQuery()).isEqualTo("currency=usd&tag=a%20b&tag=c%26d");
    assertThat(request.header("User-Agent")).isEqualTo(HttpTaskSettings.DEFAULT_USER_AGENT);
    assertThat(request.header("Range")).isEqualTo("bytes=0-262144");
    assertThat(request.header("Content-Type")).isNull();
    assertThat(request.body()).isEmpty();
  }

  @Test
  void postSendsTheBodyAsJsonWithADefaultContentType() throws Exception {
    server.json("/orders", 201, "{\"id\":\"o-1\"}");
    JsonNode result =
        invoke(
            call(
                "POST",
                "/orders",
                NONE,
                ",\"Headers\":{\"Request-Id\":\"r-1\"},\"RequestBody\":{\"Card\":{\"Number\":\"1234\"},\"n\":1.5}"));
    assertThat(result.get("StatusCode").asInt()).isEqualTo(201);
    assertThat(result.get("StatusText").asText()).isEqualTo("Created");
    LoopbackServer.Received request = server.last();
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(request.header("Request-Id")).isEqualTo("r-1");
    assertThat(mapper.readTree(request.body()))
        .isEqualTo(mapper.readTree("{\"Card\":{\"Number\":\"1234\"},\"n\":1.5}"));
  }

  @Test
  void aStringBodyIsSentAsItIsAndTextResponsesStayText() throws Exception {
    server.on(
        "/echo",
        (exchange, request) ->
            LoopbackServer.respond(
                exchange, 200, "text/plain; charset=utf-8", "got: " + request.body()));
    JsonNode result =
        invoke(
            call(
                "PUT",
                "/echo",
                NONE,
                ",\"Headers\":{\"Content-Type\":\"text/plain\"},\"RequestBody\":\"<xml/>\""));
    assertThat(result.get("ResponseBody").asText()).isEqualTo("got: <xml/>");
  }

  @Test
  void jsonContentTypeWithInvalidJsonIsReturnedAsText() throws Exception {
    server.on(
        "/broken",
        (exchange, request) ->
            LoopbackServer.respond(exchange, 200, "application/problem+json", "{oops"));
    assertThat(invoke(call("GET", "/broken", NONE, "")).get("ResponseBody").asText())
        .isEqualTo("{oops");
  }

  @Test
  void urlEncodesTheBodyWithEveryArrayFormat() throws Exception {
    server.json("/form", 200, "{}");
    String body =
        ",\"RequestBody\":{\"customer\":\"1234567890\",\"description\":\"Monthly subscription\","
            + "\"metadata\":{\"order_details\":\"monthly report data\"},\"array\":[\"a\",\"b\",\"c\"]}";
    Map<String, String> expected =
        Map.of(
            "INDICES", "array%5B0%5D=a&array%5B1%5D=b&array%5B2%5D=c",
            "REPEAT", "array=a&array=b&array=c",
            "COMMAS", "array=a%2Cb%2Cc",
            "BRACKETS", "array%5B%5D=a&array%5B%5D=b&array%5B%5D=c");
    for (Map.Entry<String, String> format : expected.entrySet()) {
      invoke(
          call(
              "POST",
              "/form",
              NONE,
              body
                  + ",\"Transform\":{\"RequestBodyEncoding\":\"URL_ENCODED\","
                  + "\"RequestEncodingOptions\":{\"ArrayFormat\":\""
                  + format.getKey()
                  + "\"}}"));
      assertThat(server.last().body())
          .isEqualTo(
              "customer=1234567890&description=Monthly%20subscription"
                  + "&metadata%5Border_details%5D=monthly%20report%20data&"
                  + format.getValue());
      assertThat(server.last().header("Content-Type"))
          .isEqualTo("application/x-www-form-urlencoded");
    }
    invoke(
        call(
            "POST",
            "/form",
            NONE,
            ",\"RequestBody\":{\"a\":[1,2]},\"Transform\":{\"RequestBodyEncoding\":\"URL_ENCODED\"}"));
    assertThat(server.last().body()).isEqualTo("a%5B0%5D=1&a%5B1%5D=2");
  }

  @Test
  void commasCannotEncodeNestedValues() throws Exception {
    TaskError error =
        failure(
            call(
                "POST",
                "/form",
                NONE,
                ",\"RequestBody\":{\"a\":[{\"b\":1}]},\"Transform\":{\"RequestBodyEncoding\":\"URL_ENCODED\","
                    + "\"RequestEncodingOptions\":{\"ArrayFormat\":\"COMMAS\"}}"));
    assertThat(error.error()).isEqualTo("States.Runtime");
    assertThat(error.cause()).contains("COMMAS").contains("'a'");
  }

  @Test
  void non2xxIsAStatusCodeErrorWhoseCauseIsTheResponse() throws Exception {
    server.json("/missing", 404, "{\"message\":\"no such customer\"}");
    TaskError error = failure(call("GET", "/missing", NONE, ""));
    assertThat(error.error()).isEqualTo("States.Http.StatusCode.404");
    JsonNode cause = mapper.readTree(error.cause());
    assertThat(cause.get("StatusCode").asInt()).isEqualTo(404);
    assertThat(cause.get("StatusText").asText()).isEqualTo("Not Found");
    assertThat(cause.get("ResponseBody").get("message").asText()).isEqualTo("no such customer");
    assertThat(cause.has("Headers")).isTrue();

    server.json("/down", 503, "{}");
    assertThat(failure(call("GET", "/down", NONE, "")).error())
        .isEqualTo("States.Http.StatusCode.503");
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    server.on(
        "/moved",
        (exchange, request) -> {
          exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data");
          LoopbackServer.respond(exchange, 302, null, new byte[0]);
        });
    assertThat(failure(call("GET", "/moved", NONE, "")).error())
        .isEqualTo("States.Http.StatusCode.302");
  }

  @Test
  void connectionProblemsAreSocketErrors() throws Exception {
    int port = server.port();
    server.close();
    TaskError refused =
        failure(
            "{\"ApiEndpoint\":\"http://127.0.0.1:"
                + port
                + "/x\",\"Method\":\"GET\",\"Authentication\":{\"ConnectionArn\":\""
                + NONE
                + "\"}}");
    assertThat(refused.error()).isEqualTo("States.Http.Socket");
    assertThat(refused.cause()).contains("GET http://127.0.0.1:" + port + "/x");
  }

  @Test
  void aSlowServerTimesOutAsASocketError() throws Exception {
    activity = new HttpInvokeActivity(settings().requestTimeout(Duration.ofMillis(300)).build());
    server.on(
        "/slow",
        (exchange, request) -> {
          try {
            Thread.sleep(2_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          LoopbackServer.respond(exchange, 200, "application/json", "{}");
        });
    TaskError error = failure(call("GET", "/slow", NONE, ""));
    assertThat(error.error()).isEqualTo("States.Http.Socket");
    assertThat(error.cause()).contains("did not complete within 300 ms");
  }

  @Test
  void responsesLargerThanTheCapExceedTheDataLimit() throws Exception {
    activity = new HttpInvokeActivity(settings().maxResponseBytes(1_000).build());
    server.on(
        "/big",
        (exchange, request) ->
            LoopbackServer.respond(exchange, 200, "text/plain", "x".repeat(5_000)));
    TaskError error = failure(call("GET", "/big", NONE, ""));
    assertThat(error.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(server.last().header("Range")).isEqualTo("bytes=0-1000");
  }

  @Test
  void binaryAndUndecodableResponsesAreUnsupported() throws Exception {
    server.on(
        "/image",
        (exchange, request) ->
            LoopbackServer.respond(exchange, 200, "image/png", new byte[] {1, 2, 3}));
    server.on(
        "/latin",
        (exchange, request) ->
            LoopbackServer.respond(
                exchange, 200, "text/plain", new byte[] {(byte) 0xff, (byte) 0xfe}));
    TaskError image = failure(call("GET", "/image", NONE, ""));
    assertThat(image.error()).isEqualTo("States.Runtime");
    assertThat(image.cause()).contains("image/png");
    assertThat(failure(call("GET", "/latin", NONE, "")).cause())
        .contains("cannot be read as UTF-8");
  }

  @Test
  void definitionErrorsAreStatesRuntimeNamingTheField() throws Exception {
    Map<String, String> cases =
        Map.of(
            "{\"Method\":\"GET\",\"Authentication\":{\"ConnectionArn\":\"" + NONE + "\"}}",
            "need ApiEndpoint",
            call("FETCH", "/x", NONE, ""),
            "Method must be one of",
            call("GET", "/x", NONE, ",\"Headers\":{\"Authorization\":\"Bearer x\"}"),
            "'Authorization' cannot be set",
            call("GET", "/x", NONE, ",\"Headers\":{\"X-Amz-Date\":\"x\"}"),
            "'X-Amz-Date' cannot be set",
            "{\"ApiEndpoint\":\"http://u:p@127.0.0.1/\",\"Method\":\"GET\",\"Authentication\":{\"ConnectionArn\":\""
                + NONE
                + "\"}}",
            "must not contain credentials",
            "{\"ApiEndpoint\":\"ftp://example.com/\",\"Method\":\"GET\",\"Authentication\":{\"ConnectionArn\":\""
                + NONE
                + "\"}}",
            "must be an https:// URL",
            "{\"ApiEndpoint\":\"" + server.url("/x") + "\",\"Method\":\"GET\"}",
            "needs a connection",
            call("GET", "/x", NONE, ",\"Body\":{}"),
            "unknown field 'Body'",
            call("GET", "/x", NONE, ",\"Transform\":{\"RequestBodyEncoding\":\"GZIP\"}"),
            "NONE or URL_ENCODED",
            call("GET", "/x", NONE, ",\"QueryParameters\":{\"a\":{\"b\":1}}"),
            "QueryParameters.a must be a string");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      TaskError error = failure(c.getKey());
      assertThat(error.error()).as(c.getKey()).isEqualTo("States.Runtime");
      assertThat(error.cause()).as(c.getKey()).contains(c.getValue());
    }
    assertThat(server.hits("/x")).isZero();
  }

  @Test
  void plainHttpIsRefusedUnlessEnabled() throws Exception {
    activity = new HttpInvokeActivity(settings().allowPlainHttp(false).build());
    TaskError error = failure(call("GET", "/x", NONE, ""));
    assertThat(error.error()).isEqualTo("States.Runtime");
    assertThat(error.cause()).contains("http:// endpoints are disabled");
  }

  @Test
  void connectionSecretsComeFromConfigurationAndWinOverTheDefinition() throws Exception {
    server.json("/path", 200, "{}");
    invoke(
        call(
            "POST",
            "/path",
            API_KEY,
            ",\"Headers\":{\"Request-Id\":\"my_request_id\",\"Header-Param\":\"state_machine_header_param\"},"
                + "\"QueryParameters\":{\"QueryParam\":\"state_machine_query_param\"},"
                + "\"RequestBody\":{\"Job\":\"Software Engineer\",\"BodyParam\":\"state_machine_body_param\"}"));
    LoopbackServer.Received request = server.last();
    assertThat(request.header("x-api-key")).isEqualTo("s3cr3t-key");
    assertThat(request.header("Header-Param")).isEqualTo("connection_header_param");
    assertThat(request.header("Request-Id")).isEqualTo("my_request_id");
    assertThat(request.rawQuery()).isEqualTo("QueryParam=connection_query_param");
    assertThat(mapper.readTree(request.body()))
        .isEqualTo(
            mapper.readTree(
                "{\"Job\":\"Software Engineer\",\"BodyParam\":\"connection_body_param\"}"));
  }

  @Test
  void aStringBodyCannotBeMergedWithConnectionBodyParameters() throws Exception {
    TaskError error = failure(call("POST", "/path", API_KEY, ",\"RequestBody\":\"raw text\""));
    assertThat(error.error()).isEqualTo("States.Runtime");
    assertThat(error.cause()).contains("cannot be merged");
  }

  @Test
  void basicAuthentication() throws Exception {
    server.json("/basic", 200, "{}");
    invoke(call("GET", "/basic", BASIC, ""));
    assertThat(server.last().header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("alice:pa55word".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oauthClientCredentialsFetchesATokenOnceAndRenewsItAfter401() throws Exception {
    server.on(
        "/token",
        (exchange, request) ->
            LoopbackServer.respond(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\"tok-" + server.hits("/token") + "\",\"expires_in\":3600}"));
    server.json("/api", 200, "{}");

    invoke(call("GET", "/api", OAUTH, ""));
    invoke(call("GET", "/api", OAUTH, ""));

    assertThat(server.hits("/token")).isEqualTo(1);
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer tok-1");

    server.json("/api", 401, "{}");
    assertThat(failure(call("GET", "/api", OAUTH, "")).error())
        .isEqualTo("States.Http.StatusCode.401");
    server.json("/api", 200, "{}");
    invoke(call("GET", "/api", OAUTH, ""));
    assertThat(server.hits("/token")).isEqualTo(2);
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer tok-2");
  }

  @Test
  void oauthTokenRequestUsesClientCredentials() throws Exception {
    server.json("/token", 200, "{\"access_token\":\"t\"}");
    server.json("/api", 200, "{}");
    invoke(call("GET", "/api", OAUTH, ""));
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer t");
    LoopbackServer.Received token = server.requests("/token").get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.body()).isEqualTo("grant_type=client_credentials");
    assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(token.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("client-1:client-s3cret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void failingTokenEndpointIsAnInvalidConnectionState() throws Exception {
    server.json("/token", 400, "{\"error\":\"invalid_client\"}");
    TaskError error = failure(call("GET", "/api", OAUTH, ""));
    assertThat(error.error()).isEqualTo("Events.ConnectionResource.InvalidConnectionState");
    assertThat(error.cause()).contains("answered HTTP 400").doesNotContain("client-s3cret");
  }

  @Test
  void unknownConnectionsAndUnavailableSecretsAreConnectionErrors() throws Exception {
    TaskError unknown =
        failure(call("GET", "/x", "arn:aws:events:us-east-1:123456789012:connection/nope", ""));
    assertThat(unknown.error()).isEqualTo("Events.ConnectionResource.ResourceNotFound");
    assertThat(unknown.cause()).contains("connection/nope");

    TaskError unset = failure(call("GET", "/x", UNSET, ""));
    assertThat(unset.error()).isEqualTo("Events.ConnectionResource.InvalidConnectionState");
    assertThat(unset.cause()).contains("STATECRAFT_TEST_KEY is not set");
    assertThat(server.hits("/x")).isZero();
  }

  @Test
  void secretsNeverPrint() {
    assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2");
    assertThat(HttpConnection.apiKey("k", Secret.of("hunter2")).toString())
        .doesNotContain("hunter2");
  }
}
