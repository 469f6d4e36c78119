package io.statecraft.api.awsjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionService;
import io.statecraft.api.executions.JsonPayloads;
import io.statecraft.api.executions.TemporalLinks;
import io.statecraft.api.statemachines.Page;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.validation.Names;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The execution, history and callback actions: request shapes and checks of the AWS protocol,
 * delegated to the {@link ExecutionService}. Served only when an implementation is present.
 */
final class ExecutionActions {

  /** AWS's limit on execution input and task output, in characters. */
  static final int PAYLOAD = 262_144;

  private final ExecutionService executions;
  private final JsonPayloads payloads;
  private final ObjectMapper json;
  private final TemporalLinks links;

  /**
   * @param links the Temporal Web UI links added to execution objects, or {@code null} for none
   */
  ExecutionActions(ExecutionService executions, ObjectMapper json, TemporalLinks links) {
    this.executions = executions;
    this.payloads = new JsonPayloads(json);
    this.json = json;
    this.links = links;
  }

  // --- request shapes -------------------------------------------------------------------------

  enum IncludedData {
    ALL_DATA,
    METADATA_ONLY
  }

  enum InspectionLevel {
    INFO,
    DEBUG,
    TRACE
  }

  record StartExecutionRequest(
      @NotNull @Size(min = 1, max = AwsShapes.ARN) String stateMachineArn,
      @Size(min = 1, max = 80) String name,
      @Size(max = PAYLOAD) String input,
      @Size(max = 256) String traceHeader) {}

  record StartSyncExecutionRequest(
      @NotNull @Size(min = 1, max = AwsShapes.ARN) String stateMachineArn,
      @Size(min = 1, max = 80) String name,
      @Size(max = PAYLOAD) String input,
      @Size(max = 256) String traceHeader,
      IncludedData includedData) {}

  record ExecutionArnRequest(
      @NotNull @Size(min = 1, max = AwsShapes.ARN) String executionArn,
      IncludedData includedData) {}

  record ListExecutionsRequest(
      @Size(min = 1, max = AwsShapes.ARN) String stateMachineArn,
      ExecutionService.Status statusFilter,
      @Min(0) @Max(1000) Integer maxResults,
      @Size(min = 1, max = 3096) String nextToken,
      @Size(min = 1, max = 2000) String mapRunArn,
      RedriveFilter redriveFilter) {}

  enum RedriveFilter {
    REDRIVEN,
    NOT_REDRIVEN
  }

  record StopExecutionRequest(
      @NotNull @Size(min = 1, max = AwsShapes.ARN) String executionArn,
      @Size(max = 256) String error,
      @Size(max = 32768) String cause) {}

  record GetExecutionHistoryRequest(
      @NotNull @Size(min = 1, max = AwsShapes.ARN) String executionArn,
      @Min(0) @Max(1000) Integer maxResults,
      Boolean reverseOrder,
      @Size(min = 1, max = 3096) String nextToken,
      Boolean includeExecutionData) {}

  record SendTaskSuccessRequest(
      @NotNull @Size(min = 1, max = 2048) String taskToken,
      @NotNull @Size(max = PAYLOAD) String output) {}

  record SendTaskFailureRequest(
      @NotNull @Size(min = 1, max = 2048) String taskToken,
      @Size(max = 256) String error,
      @Size(max = 32768) String cause) {}

  record SendTaskHeartbeatRequest(@NotNull @Size(min = 1, max = 2048) String taskToken) {}

  record TestStateRequest(
      @NotNull @Size(min = 1, max = AwsShapes.DEFINITION) String definition,
      @Size(min = 1, max = AwsShapes.ARN) String roleArn,
      @Size(max = PAYLOAD) String input,
      InspectionLevel inspectionLevel,
      Boolean revealSecrets,
      @Size(max = PAYLOAD) String variables) {}

  // --- response shapes ------------------------------------------------------------------------

  record StartExecutionResponse(String executionArn, Instant startDate) {}

  record Included(boolean included) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SyncExecutionResponse(
      String executionArn,
      String stateMachineArn,
      String name,
      Instant startDate,
      Instant stopDate,
      String status,
      String error,
      String cause,
      String input,
      Included inputDetails,
      String output,
      Included outputDetails,
      String traceHeader) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DescribeExecutionResponse(
      String executionArn,
      String stateMachineArn,
      String name,
      String status,
      Instant startDate,
      Instant stopDate,
      String input,
      Included inputDetails,
      String output,
      Included outputDetails,
      String error,
      String cause,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      Integer redriveCount,
      String redriveStatus,
      String redriveStatusReason,
      TemporalLinks.Link temporal) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DescribeStateMachineForExecutionResponse(
      String stateMachineArn,
      String name,
      String definition,
      String roleArn,
      Instant updateDate,
      JsonNode loggingConfiguration,
      JsonNode tracingConfiguration,
      String revisionId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ExecutionListItem(
      String executionArn,
      String stateMachineArn,
      String name,
      String status,
      Instant startDate,
      Instant stopDate,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      TemporalLinks.Link temporal) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ListExecutionsResponse(List<ExecutionListItem> executions, String nextToken) {}

  record StopExecutionResponse(Instant stopDate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HistoryResponse(List<JsonNode> events, String nextToken) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TestStateResponse(
      String output,
      String error,
      String cause,
      JsonNode inspectionData,
      String nextState,
      String status) {}

  // --- the table ------------------------------------------------------------------------------

  Map<String, AwsAction<?>> table() {
    Map<String, AwsAction<?>> table = new TreeMap<>();
    add(table, "StartExecution", StartExecutionRequest.class, this::start);
    add(table, "StartSyncExecution", StartSyncExecutionRequest.class, this::startSync);
    add(table, "DescribeExecution", ExecutionArnRequest.class, this::describe);
    add(
        table,
        "DescribeStateMachineForExecution",
        ExecutionArnRequest.class,
        this::describeStateMachine);
    add(table, "ListExecutions", ListExecutionsRequest.class, this::list);
    add(table, "StopExecution", StopExecutionRequest.class, this::stop);
    add(table, "GetExecutionHistory", GetExecutionHistoryRequest.class, this::history);
    add(table, "SendTaskSuccess", SendTaskSuccessRequest.class, this::success);
    add(table, "SendTaskFailure", SendTaskFailureRequest.class, this::failure);
    add(table, "SendTaskHeartbeat", SendTaskHeartbeatRequest.class, this::heartbeat);
    add(table, "TestState", TestStateRequest.class, this::testState);
    return table;
  }

  private static <T> void add(
      Map<String, AwsAction<?>> table, String name, Class<T> type, Function<T, Object> handler) {
    table.put(name, new AwsAction<>(name, type, handler));
  }

  /** AWS refuses a bad execution name with {@code InvalidName}, before anything else. */
  private static void checkName(String name) {
    if (name != null && !Names.isValidResourceName(name)) {
      throw new ApiException(ErrorCode.INVALID_NAME, "Invalid Name: '" + name + "'");
    }
  }

  private Object start(StartExecutionRequest r) {
    checkName(r.name());
    ExecutionService.Started started =
        executions.start(
            new ExecutionService.StartCommand(
                r.stateMachineArn(), r.name(), payloads.input(r.input()), r.traceHeader()));
    return new StartExecutionResponse(started.executionArn(), started.startDate());
  }

  private Object startSync(StartSyncExecutionRequest r) {
    checkName(r.name());
    ExecutionService.SyncResult result =
        executions.startSync(
            new ExecutionService.StartCommand(
                r.stateMachineArn(), r.name(), payloads.input(r.input()), r.traceHeader()));
    boolean data = r.includedData() != IncludedData.METADATA_ONLY;
    return new SyncExecutionResponse(
        result.executionArn(),
        result.stateMachineArn(),
        result.name(),
        result.startDate(),
        result.stopDate(),
        result.status().name(),
        result.error(),
        result.cause(),
        data ? result.input() : null,
        new Included(data),
        data ? result.output() : null,
        new Included(data),
        r.traceHeader());
  }

  private Object describe(ExecutionArnRequest r) {
    ExecutionService.Execution e = executions.describe(r.executionArn());
    boolean data = r.includedData() != IncludedData.METADATA_ONLY;
    return new DescribeExecutionResponse(
        e.executionArn(),
        e.stateMachineArn(),
        e.name(),
        e.status().name(),
        e.startDate(),
        e.stopDate(),
        data ? e.input() : null,
        new Included(data),
        data ? e.output() : null,
        e.output() == null ? null : new Included(data),
        e.error(),
        e.cause(),
        e.stateMachineVersionArn(),
        e.stateMachineAliasArn(),
        0,
        "NOT_REDRIVABLE",
        redriveReason(e.status()),
        link(e.workflowId(), e.runId()));
  }

  /**
   * Why an execution cannot be redriven: AWS's reason for running and succeeded executions; the
   * others could be redriven on AWS, but this service does not implement {@code RedriveExecution}.
   */
  static String redriveReason(ExecutionService.Status status) {
    return switch (status) {
      case RUNNING, SUCCEEDED, PENDING_REDRIVE ->
          "Execution is " + status.name() + " and cannot be redriven";
      case FAILED, TIMED_OUT, ABORTED ->
          "Execution cannot be redriven: RedriveExecution is not supported by this service";
    };
  }

  // Extra members are ignored by the AWS SDKs and the CLI, which read only the members they know.
  private TemporalLinks.Link link(String workflowId, String runId) {
    return links == null || workflowId == null ? null : links.link(workflowId, runId);
  }

  private Object describeStateMachine(ExecutionArnRequest r) {
    StateMachineRegistry.Description d =
        executions.describeStateMachineForExecution(r.executionArn());
    boolean data = r.includedData() != IncludedData.METADATA_ONLY;
    return new DescribeStateMachineForExecutionResponse(
        d.arn(),
        d.stateMachine().name(),
        data ? d.revision().definition() : null,
        d.revision().roleArn(),
        d.revision().creationDate(),
        tree(d.revision().loggingConfiguration()),
        tree(d.revision().tracingConfiguration()),
        d.revision().revisionId());
  }

  private Object list(ListExecutionsRequest r) {
    if (r.mapRunArn() != null) {
      // A Distributed Map runs its items as child workflows of its execution, not as Map Runs.
      throw new ApiException(
          ErrorCode.RESOURCE_NOT_FOUND,
          "Resource not found: '" + r.mapRunArn() + "': Map Runs are not modelled by this service",
          List.of(),
          r.mapRunArn());
    }
    if (r.stateMachineArn() == null) {
      throw ApiException.validation("/stateMachineArn", null, "Member must not be null");
    }
    if (r.redriveFilter() == RedriveFilter.REDRIVEN) {
      // No execution is ever redriven here (RedriveExecution is not served).
      executions.list(
          new ExecutionService.ListQuery(r.stateMachineArn(), r.statusFilter(), r.nextToken(), 1));
      return new ListExecutionsResponse(List.of(), null);
    }
    Page<ExecutionService.ExecutionSummary> page =
        executions.list(
            new ExecutionService.ListQuery(
                r.stateMachineArn(),
                r.statusFilter(),
                r.nextToken(),
                r.maxResults() == null ? 0 : r.maxResults()));
    return new ListExecutionsResponse(
        page.items().stream()
            .map(
                e ->
                    new ExecutionListItem(
                        e.executionArn(),
                        e.stateMachineArn(),
                        e.name(),
                        e.status().name(),
                        e.startDate(),
                        e.stopDate(),
                        e.stateMachineVersionArn(),
                        e.stateMachineAliasArn(),
                        link(e.workflowId(), e.runId())))
            .toList(),
        page.nextToken());
  }

  private Object stop(StopExecutionRequest r) {
    return new StopExecutionResponse(executions.stop(r.executionArn(), r.error(), r.cause()));
  }

  private Object history(GetExecutionHistoryRequest r) {
    Page<ExecutionService.HistoryEvent> page =
        executions.history(
            new ExecutionService.HistoryQuery(
                r.executionArn(),
                r.nextToken(),
                r.maxResults() == null ? 0 : r.maxResults(),
                Boolean.TRUE.equals(r.reverseOrder()),
                !Boolean.FALSE.equals(r.includeExecutionData())));
    return new HistoryResponse(page.items().stream().map(this::event).toList(), page.nextToken());
  }

  private JsonNode event(ExecutionService.HistoryEvent e) {
    ObjectNode node = json.createObjectNode();
    node.put("timestamp", BigDecimal.valueOf(e.timestamp().toEpochMilli(), 3));
    node.put("type", e.type());
    node.put("id", e.id());
    node.put("previousEventId", e.previousEventId());
    if (e.detailsMember() != null && e.details() != null) {
      node.set(e.detailsMember(), tree(e.details()));
    }
    return node;
  }

  private Object success(SendTaskSuccessRequest r) {
    executions.sendTaskSuccess(r.taskToken(), payloads.output(r.output()));
    return new AwsShapes.Empty();
  }

  private Object failure(SendTaskFailureRequest r) {
    executions.sendTaskFailure(r.taskToken(), r.error(), r.cause());
    return new AwsShapes.Empty();
  }

  private Object heartbeat(SendTaskHeartbeatRequest r) {
    executions.sendTaskHeartbeat(r.taskToken());
    return new AwsShapes.Empty();
  }

  private Object testState(TestStateRequest r) {
    ExecutionService.TestStateResult result =
        executions.testState(
            new ExecutionService.TestStateCommand(
                r.definition(),
                r.roleArn(),
                payloads.input(r.input()),
                (r.inspectionLevel() == null ? InspectionLevel.INFO : r.inspectionLevel()).name(),
                Boolean.TRUE.equals(r.revealSecrets()),
                variables(r.variables())));
    return new TestStateResponse(
        result.output(),
        result.error(),
        result.cause(),
        result.inspectionData() == null ? null : tree(result.inspectionData()),
        result.nextState(),
        result.status());
  }

  /** TestState's {@code variables}: JSON text of an object, at most 256 KiB. */
  private String variables(String text) {
    if (text == null) {
      return null;
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw ApiException.validation(
          "/variables", null, "Member must be JSON text of an object of variables");
    }
    return text;
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
