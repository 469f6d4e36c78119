package io.statecraft.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.api.executions.TemporalLinks;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of the REST API's executions, history and callbacks. */
final class ExecutionShapes {

  private ExecutionShapes() {}

  @Schema(description = "A new execution.")
  record StartBody(
      @Schema(description = "1 to 80 characters; generated when left out", example = "run-1")
          @Size(min = 1, max = 80)
          String name,
      @Schema(
              description = "The execution input, any JSON value; {} when left out",
              implementation = Object.class)
          JsonNode input,
      @Schema(
              description =
                  "A version number or an alias name to run instead of the current" + " revision",
              example = "1")
          @Size(min = 1, max = 80)
          String qualifier) {}

  record StopBody(@Size(max = 256) String error, @Size(max = 32768) String cause) {}

  record TaskSuccessBody(
      @NotNull @Size(min = 1, max = 2048) String taskToken,
      @Schema(description = "The task's result, any JSON value", implementation = Object.class)
          @NotNull
          JsonNode output) {}

  record TaskFailureBody(
      @NotNull @Size(min = 1, max = 2048) String taskToken,
      @Size(max = 256) String error,
      @Size(max = 32768) String cause) {}

  record TaskHeartbeatBody(@NotNull @Size(min = 1, max = 2048) String taskToken) {}

  @Schema(description = "One state to evaluate on its own.")
  record TestStateBody(
      @Schema(
              description = "The state's definition, a JSON object (or JSON text holding one)",
              implementation = Object.class)
          @NotNull
          JsonNode definition,
      @Schema(description = "The state input; {} when left out", implementation = Object.class)
          JsonNode input,
      @Schema(
              description = "The variables the state sees, a JSON object",
              implementation = Object.class)
          JsonNode variables,
      @Schema(
              description = "Context object fields ($$), a JSON object",
              implementation = Object.class)
          JsonNode context) {}

  // --- responses ------------------------------------------------------------------------------

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ExecutionView(
      String executionArn,
      String name,
      String stateMachineName,
      String stateMachineArn,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      String revisionId,
      String status,
      Instant startDate,
      Instant stopDate,
      @Schema(implementation = Object.class) JsonNode input,
      @Schema(implementation = Object.class) JsonNode output,
      String error,
      String cause,
      List<String> currentStates,
      TemporalLinks.Link temporal) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ExecutionSummaryView(
      String executionArn,
      String name,
      String stateMachineName,
      String stateMachineArn,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      String revisionId,
      String status,
      Instant startDate,
      Instant stopDate,
      String error,
      TemporalLinks.Link temporal) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ExecutionList(List<ExecutionSummaryView> executions, String nextToken) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record HistoryView(
      @Schema(description = "Events in the shape of GetExecutionHistory's, timestamps as ISO-8601")
          List<JsonNode> events,
      String nextToken) {}

  record StopView(Instant stopDate) {}

  record Empty() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TestStateView(
      String status,
      @Schema(implementation = Object.class) JsonNode output,
      String nextState,
      @Schema(implementation = Object.class) JsonNode variables,
      String error,
      String cause) {}
}
