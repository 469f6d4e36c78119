package io.statecraft.api.awsjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.api.statemachines.Configurations.EncryptionConfiguration;
import io.statecraft.api.statemachines.Configurations.LoggingConfiguration;
import io.statecraft.api.statemachines.Configurations.TracingConfiguration;
import io.statecraft.api.statemachines.StateMachineType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Request and response members of the Step Functions actions served on the AWS protocol endpoint,
 * named and constrained as in the Step Functions API reference.
 */
final class AwsShapes {

  private AwsShapes() {}

  static final int ARN = 256;
  static final int DEFINITION = 1_048_576;
  static final int TOKEN = 1024;

  // --- shared members -------------------------------------------------------------------------

  record TagMember(@NotNull @Size(min = 1, max = 128) String key, @Size(max = 256) String value) {}

  record RoutingMember(
      @NotNull @Size(min = 1, max = ARN) String stateMachineVersionArn,
      @NotNull @Min(0) @Max(100) Integer weight) {}

  enum Severity {
    ERROR,
    WARNING
  }

  enum IncludedData {
    ALL_DATA,
    METADATA_ONLY
  }

  // --- requests -------------------------------------------------------------------------------

  record CreateStateMachineRequest(
      @NotNull @Size(min = 1, max = 80) String name,
      @NotNull @Size(min = 1, max = DEFINITION) String definition,
      @NotNull @Size(min = 1, max = ARN) String roleArn,
      StateMachineType type,
      LoggingConfiguration loggingConfiguration,
      @Valid List<@NotNull TagMember> tags,
      TracingConfiguration tracingConfiguration,
      Boolean publish,
      @Size(max = 256) String versionDescription,
      EncryptionConfiguration encryptionConfiguration) {}

  record UpdateStateMachineRequest(
      @NotNull @Size(min = 1, max = ARN) String stateMachineArn,
      @Size(min = 1, max = DEFINITION) String definition,
      @Size(min = 1, max = ARN) String roleArn,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      Boolean publish,
      @Size(max = 256) String versionDescription,
      EncryptionConfiguration encryptionConfiguration) {}

  record StateMachineArnRequest(@NotNull @Size(min = 1, max = ARN) String stateMachineArn) {}

  record DescribeStateMachineRequest(
      @NotNull @Size(min = 1, max = ARN) String stateMachineArn, IncludedData includedData) {}

  record ListStateMachinesRequest(
      @Min(0) @Max(1000) Integer maxResults, @Size(min = 1, max = TOKEN) String nextToken) {}

  record ValidateRequest(
      @NotNull @Size(min = 1, max = DEFINITION) String definition,
      StateMachineType type,
      Severity severity,
      @Min(0) @Max(100) Integer maxResults) {}

  record PublishRequest(
      @NotNull @Size(min = 1, max = ARN) String stateMachineArn,
      @Size(min = 1, max = 256) String revisionId,
      @Size(max = 256) String description) {}

  record ListByStateMachineRequest(
      @NotNull @Size(min = 1, max = ARN) String stateMachineArn,
      @Size(min = 1, max = TOKEN) String nextToken,
      @Min(0) @Max(1000) Integer maxResults) {}

  record VersionArnRequest(@NotNull @Size(min = 1, max = ARN) String stateMachineVersionArn) {}

  record CreateAliasRequest(
      @Size(max = 256) String description,
      @NotNull @Size(min = 1, max = 80) String name,
      @NotNull @Size(min = 1, max = 2) @Valid List<@NotNull RoutingMember> routingConfiguration) {}

  record AliasArnRequest(@NotNull @Size(min = 1, max = ARN) String stateMachineAliasArn) {}

  record UpdateAliasRequest(
      @NotNull @Size(min = 1, max = ARN) String stateMachineAliasArn,
      @Size(max = 256) String description,
      @Size(min = 1, max = 2) @Valid List<@NotNull RoutingMember> routingConfiguration) {}

  record TagResourceRequest(
      @NotNull @Size(min = 1, max = ARN) String resourceArn,
      @NotNull @Valid List<@NotNull TagMember> tags) {}

  record UntagResourceRequest(
      @NotNull @Size(min = 1, max = ARN) String resourceArn,
      @NotNull List<@NotNull @Size(min = 1, max = 128) String> tagKeys) {}

  record ResourceArnRequest(@NotNull @Size(min = 1, max = ARN) String resourceArn) {}

  // --- responses ------------------------------------------------------------------------------

  record Empty() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CreateStateMachineResponse(
      String stateMachineArn, Instant creationDate, String stateMachineVersionArn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UpdateStateMachineResponse(
      Instant updateDate, String revisionId, String stateMachineVersionArn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DescribeStateMachineResponse(
      String stateMachineArn,
      String name,
      String status,
      String definition,
      String roleArn,
      String type,
      Instant creationDate,
      JsonNode loggingConfiguration,
      JsonNode tracingConfiguration,
      String revisionId,
      String description,
      JsonNode encryptionConfiguration) {}

  record StateMachineListItem(
      String stateMachineArn, String name, String type, Instant creationDate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ListStateMachinesResponse(List<StateMachineListItem> stateMachines, String nextToken) {}

  record Diagnostic(String severity, String code, String message, String location) {}

  record ValidateResponse(String result, List<Diagnostic> diagnostics, boolean truncated) {}

  record PublishResponse(Instant creationDate, String stateMachineVersionArn) {}

  record VersionListItem(String stateMachineVersionArn, Instant creationDate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ListVersionsResponse(List<VersionListItem> stateMachineVersions, String nextToken) {}

  record CreateAliasResponse(String stateMachineAliasArn, Instant creationDate) {}

  record RoutingOut(String stateMachineVersionArn, int weight) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DescribeAliasResponse(
      String stateMachineAliasArn,
      String name,
      String description,
      List<RoutingOut> routingConfiguration,
      Instant creationDate,
      Instant updateDate) {}

  record AliasListItem(String stateMachineAliasArn, Instant creationDate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ListAliasesResponse(List<AliasListItem> stateMachineAliases, String nextToken) {}

  record UpdateAliasResponse(Instant updateDate) {}

  record TagOut(String key, String value) {}

  record ListTagsResponse(List<TagOut> tags) {}
}
