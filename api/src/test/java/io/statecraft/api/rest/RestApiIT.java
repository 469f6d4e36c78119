package io.statecraft.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.PlatformITBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The REST API: resources for people and scripts, errors as problem details with pointers. */
class RestApiIT extends PlatformITBase {

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void managesAStateMachineWithVersionsAliasesAndTags() throws Exception {
    JsonAnswer created =
        request(
            "POST",
            "/api/v1/state-machines",
            """
            {"name":"RestWalk","definition":{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
             "publish":true,"versionDescription":"one","tags":{"team":"core"}}""");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("arn").asText())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:RestWalk");
    assertThat(created.body().path("definition").path("StartAt").asText()).isEqualTo("A");
    assertThat(created.body().path("definitionSha256").asText()).hasSize(64);

    JsonAnswer updated =
        request(
            "PATCH",
            "/api/v1/state-machines/RestWalk",
            """
            {"definition":"{\\"StartAt\\":\\"B\\",\\"States\\":{\\"B\\":{\\"Type\\":\\"Succeed\\"}}}","publish":true}""");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().path("versionArn").asText()).endsWith(":RestWalk:2");

    JsonAnswer version1 = request("GET", "/api/v1/state-machines/RestWalk/versions/1", null);
    assertThat(version1.body().path("definition").path("StartAt").asText()).isEqualTo("A");
    assertThat(version1.body().path("version").asInt()).isEqualTo(1);
    assertThat(version1.body().path("description").asText()).isEqualTo("one");

    JsonAnswer versions = request("GET", "/api/v1/state-machines/RestWalk/versions", null);
    assertThat(versions.body().path("items").findValuesAsText("version")).containsExactly("2", "1");

    JsonAnswer alias =
        request(
            "POST",
            "/api/v1/state-machines/RestWalk/aliases",
            """
            {"name":"prod","routing":[{"version":1,"weight":50},{"version":2,"weight":50}]}""");
    assertThat(alias.status()).isEqualTo(201);
    assertThat(alias.body().path("routing").size()).isEqualTo(2);

    JsonAnswer refused = request("DELETE", "/api/v1/state-machines/RestWalk/versions/1", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("code").asText()).isEqualTo("ConflictException");

    JsonAnswer tags =
        request("POST", "/api/v1/state-machines/RestWalk/tags", "{\"tags\":{\"env\":\"dev\"}}");
    assertThat(tags.body().path("tags").path("team").asText()).isEqualTo("core");
    assertThat(tags.body().path("tags").path("env").asText()).isEqualTo("dev");
    assertThat(request("DELETE", "/api/v1/state-machines/RestWalk/tags/env", null).status())
        .isEqualTo(204);

    JsonAnswer listed = request("GET", "/api/v1/state-machines?maxResults=1000", null);
    assertThat(listed.body().path("items").findValuesAsText("name")).contains("RestWalk");

    assertThat(request("DELETE", "/api/v1/state-machines/RestWalk/aliases/prod", null).status())
        .isEqualTo(204);
    assertThat(request("DELETE", "/api/v1/state-machines/RestWalk", null).status()).isEqualTo(204);
    JsonAnswer gone = request("GET", "/api/v1/state-machines/RestWalk", null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body().path("code").asText()).isEqualTo("StateMachineDoesNotExist");
  }

  @Test
  void problemDetailsNameTheFieldWithAJsonPointer() throws Exception {
    JsonAnswer unknown =
        request(
            "POST", "/api/v1/state-machines", "{\"name\":\"X\",\"definition\":{},\"colour\":1}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/colour");

    JsonAnswer wrongType =
        request(
            "POST",
            "/api/v1/state-machines/Any/aliases",
            "{\"name\":\"a\",\"routing\":[{\"version\":1,\"weight\":\"all\"}]}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().path("errors").get(0).path("pointer").asText())
        .isEqualTo("/routing/0/weight");

    JsonAnswer missing = request("POST", "/api/v1/state-machines", "{\"definition\":{}}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/name");
    assertThat(missing.body().path("errors").get(0).path("message").asText())
        .isEqualTo("Member must not be null");

    JsonAnswer weights =
        request(
            "POST",
            "/api/v1/state-machines/Any/aliases",
            "{\"name\":\"a\",\"routing\":[{\"version\":1,\"weight\":101}]}");
    assertThat(weights.body().path("errors").get(0).path("pointer").asText())
        .isEqualTo("/routing/0/weight");

    JsonAnswer badDefinition =
        request(
            "POST",
            "/api/v1/state-machines",
            "{\"name\":\"Bad\",\"definition\":{\"StartAt\":\"X\",\"States\":{}}}");
    assertThat(badDefinition.status()).isEqualTo(400);
    assertThat(badDefinition.body().path("code").asText()).isEqualTo("InvalidDefinition");

    JsonAnswer malformed = request("POST", "/api/v1/state-machines", "{\"name\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("code").asText()).isEqualTo("SerializationException");

    JsonAnswer deep =
        request(
            "POST",
            "/api/v1/validate",
            "{\"definition\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    assertThat(deep.status()).isEqualTo(400);

    JsonAnswer badVersion = request("GET", "/api/v1/state-machines/Any/versions/abc", null);
    assertThat(badVersion.status()).isEqualTo(400);

    JsonAnswer noSuchPath = request("GET", "/api/v1/nothing-here", null);
    assertThat(noSuchPath.status()).isEqualTo(404);
  }

  @Test
  void validatesDefinitions() throws Exception {
    JsonAnswer ok =
        request(
            "POST",
            "/api/v1/validate",
            "{\"definition\":{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().path("result").asText()).isEqualTo("OK");

    JsonAnswer fail =
        request("POST", "/api/v1/validate", "{\"definition\":\"{\\\"StartAt\\\":1}\"}");
    assertThat(fail.body().path("result").asText()).isEqualTo("FAIL");
    assertThat(fail.body().path("diagnostics").size()).isPositive();
  }

  @Test
  void publishesAnOpenApiDocumentAndSwaggerUi() throws Exception {
    JsonAnswer docs = request("GET", "/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().path("paths").has("/api/v1/state-machines/{name}/aliases")).isTrue();
    assertThat(docs.body().path("paths").has("/api/v1/validate")).isTrue();
    HttpResponse<String> ui =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/swagger-ui/index.html")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ui.statusCode()).isEqualTo(200);
  }
}
