package io.statecraft.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.api.statemachines.Configurations.EncryptionConfiguration;
import io.statecraft.api.statemachines.Configurations.LoggingConfiguration;
import io.statecraft.api.statemachines.Configurations.TracingConfiguration;
import io.statecraft.api.statemachines.StateMachineType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the REST API. */
final class RestShapes {

  private RestShapes() {}

  @Schema(description = "A new state machine.")
  record CreateStateMachineBody(
      @Schema(
              description =
                  "1 to 80 characters, none of them whitespace, brackets, wildcards, control or"
                      + " special characters",
              example = "OrderProcessing")
          @NotNull
          @Size(min = 1, max = 80)
          String name,
      @Schema(
              description =
                  "The Amazon States Language definition, as a JSON object or as JSON text",
              implementation = Object.class)
          @NotNull
          JsonNode definition,
      @Schema(
              description =
                  "IAM role ARN kept for AWS compatibility; defaults to arn:aws:iam::<account>:role/StatecraftExecutionRole")
          @Size(min = 1, max = 256)
          String roleArn,
      @Schema(description = "STANDARD (default) or EXPRESS") StateMachineType type,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      EncryptionConfiguration encryptionConfiguration,
      @Schema(description = "Publish version 1 of the new state machine") Boolean publish,
      @Size(max = 256) String versionDescription,
      @Schema(description = "Tags as key/value pairs") Map<String, String> tags) {}

  @Schema(description = "Changes to a state machine; members left out stay as they are.")
  record UpdateStateMachineBody(
      @Schema(implementation = Object.class) JsonNode definition,
      @Size(min = 1, max = 256) String roleArn,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      EncryptionConfiguration encryptionConfiguration,
      Boolean publish,
      @Size(max = 256) String versionDescription) {}

  record PublishBody(
      @Schema(description = "Only publish if this is still the current revision")
          @Size(min = 1, max = 256)
          String revisionId,
      @Size(max = 256) String description) {}

  record RouteBody(
      @Schema(description = "Version number", example = "1") @NotNull @Min(1) Integer version,
      @Schema(description = "Percentage of executions, 0 to 100", example = "100")
          @NotNull
          @Min(0)
          @Max(100)
          Integer weight) {}

  record CreateAliasBody(
      @NotNull @Size(min = 1, max = 80) String name,
      @Size(max = 256) String description,
      @NotNull @Size(min = 1, max = 2) @Valid List<@NotNull RouteBody> routing) {}

  record UpdateAliasBody(
      @Size(max = 256) String description,
      @Size(min = 1, max = 2) @Valid List<@NotNull RouteBody> routing) {}

  record TagsBody(@NotNull Map<String, String> tags) {}

  record ValidateBody(
      @Schema(implementation = Object.class) @NotNull JsonNode definition,
      StateMachineType type,
      @Schema(description = "ERROR (default) or WARNING") String severity,
      @Min(0) @Max(100) Integer maxResults) {}

  // --- responses ------------------------------------------------------------------------------

  record StateMachineSummary(
      String name, String arn, StateMachineType type, Instant creationDate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StateMachineList(List<StateMachineSummary> items, String nextToken) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StateMachineView(
      String name,
      String arn,
      String status,
      StateMachineType type,
      @Schema(implementation = Object.class) JsonNode definition,
      String definitionSha256,
      String revisionId,
      String roleArn,
      @Schema(implementation = Object.class) JsonNode loggingConfiguration,
      @Schema(implementation = Object.class) JsonNode tracingConfiguration,
      @Schema(implementation = Object.class) JsonNode encryptionConfiguration,
      Instant creationDate,
      Instant updateDate,
      Integer version,
      String description) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UpdateResult(Instant updateDate, String revisionId, String versionArn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record VersionView(
      int version, String arn, String revisionId, String description, Instant creationDate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record VersionList(List<VersionView> items, String nextToken) {}

  record RouteView(int version, String versionArn, int weight) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AliasView(
      String name,
      String arn,
      String description,
      List<RouteView> routing,
      Instant creationDate,
      Instant updateDate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AliasList(List<AliasView> items, String nextToken) {}

  record TagsView(Map<String, String> tags) {}

  record DiagnosticView(String severity, String code, String message, String location) {}

  record ValidationView(String result, List<DiagnosticView> diagnostics, boolean truncated) {}
}
