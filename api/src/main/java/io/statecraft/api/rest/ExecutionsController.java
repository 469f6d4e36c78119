package io.statecraft.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionService;
import io.statecraft.api.executions.ExecutionService.Status;
import io.statecraft.api.executions.JsonPayloads;
import io.statecraft.api.executions.TemporalLinks;
import io.statecraft.api.rest.ExecutionShapes.Empty;
import io.statecraft.api.rest.ExecutionShapes.ExecutionList;
import io.statecraft.api.rest.ExecutionShapes.ExecutionSummaryView;
import io.statecraft.api.rest.ExecutionShapes.ExecutionView;
import io.statecraft.api.rest.ExecutionShapes.HistoryView;
import io.statecraft.api.rest.ExecutionShapes.StartBody;
import io.statecraft.api.rest.ExecutionShapes.StopBody;
import io.statecraft.api.rest.ExecutionShapes.StopView;
import io.statecraft.api.rest.ExecutionShapes.TaskFailureBody;
import io.statecraft.api.rest.ExecutionShapes.TaskHeartbeatBody;
import io.statecraft.api.rest.ExecutionShapes.TaskSuccessBody;
import io.statecraft.api.rest.ExecutionShapes.TestStateBody;
import io.statecraft.api.rest.ExecutionShapes.TestStateView;
import io.statecraft.api.statemachines.Arns;
import io.statecraft.api.statemachines.Page;
import io.statecraft.api.validation.Names;
import io.statecraft.api.validation.RequestBinder;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Executions, their histories, task-token callbacks and TestState as resources. Every execution
 * carries a link to its workflow in the Temporal Web UI.
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnRole(ConditionalOnRole.Part.API)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Executions")
class ExecutionsController {

  private final ExecutionService executions;
  private final TemporalLinks links;
  private final RequestBinder binder;
  private final Arns arns;
  private final ObjectMapper json;
  private final JsonPayloads payloads;

  ExecutionsController(
      ExecutionService executions,
      TemporalLinks links,
      RequestBinder binder,
      Arns arns,
      ObjectMapper json) {
    this.executions = executions;
    this.links = links;
    this.binder = binder;
    this.arns = arns;
    this.json = json;
    this.payloads = new JsonPayloads(json);
  }

  // --- executions -----------------------------------------------------------------------------

  @Operation(
      summary = "Start an execution",
      description =
          "Idempotent by name: the same name and input answer the running execution (200);"
              + " another input is ExecutionAlreadyExists (409).")
  @PostMapping("/state-machines/{name}/executions")
  ResponseEntity<ExecutionView> start(
      @PathVariable String name, @RequestBody(required = false) StartBody body) {
    StartBody given = body == null ? new StartBody(null, null, null) : body;
    binder.check(given);
    if (given.name() != null && !Names.isValidResourceName(given.name())) {
      throw new ApiException(ErrorCode.INVALID_NAME, "Invalid Name: '" + given.name() + "'");
    }
    String target = qualified(machineArn(name), given.qualifier());
    String input = payloads.input(given.input() == null ? "{}" : text(given.input()));
    ExecutionService.Started started =
        executions.start(new ExecutionService.StartCommand(target, given.name(), input, null));
    // As StartExecution answers: the execution as accepted, running.
    ExecutionView view = view(executions.recorded(started.executionArn()));
    if (!started.created()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.created(
            URI.create("/api/v1/state-machines/" + name + "/executions/" + view.name()))
        .body(view);
  }

  @Operation(summary = "List executions, newest first, optionally of one state machine")
  @GetMapping("/executions")
  ExecutionList listAll(
      @RequestParam(required = false) String stateMachine,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int maxResults,
      @RequestParam(required = false) String nextToken) {
    return list(
        stateMachine == null ? null : machineArn(stateMachine), status, maxResults, nextToken);
  }

  @Operation(summary = "List a state machine's executions, newest first")
  @GetMapping("/state-machines/{name}/executions")
  ExecutionList listOf(
      @PathVariable String name,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int maxResults,
      @RequestParam(required = false) String nextToken) {
    return list(machineArn(name), status, maxResults, nextToken);
  }

  private ExecutionList list(String machineArn, String status, int maxResults, String nextToken) {
    if (maxResults < 0 || maxResults > 1000) {
      throw ApiException.validation(
          "/maxResults", Integer.toString(maxResults), "Member must be between 0 and 1000");
    }
    Page<ExecutionService.ExecutionSummary> page =
        executions.list(
            new ExecutionService.ListQuery(machineArn, status(status), nextToken, maxResults));
    return new ExecutionList(page.items().stream().map(this::summary).toList(), page.nextToken());
  }

  @Operation(summary = "Describe an execution")
  @GetMapping("/state-machines/{name}/executions/{executionName}")
  ExecutionView describe(@PathVariable String name, @PathVariable String executionName) {
    return view(executions.describe(executionArn(name, executionName)));
  }

  @Operation(summary = "An execution's history, in the event shapes of GetExecutionHistory")
  @GetMapping("/state-machines/{name}/executions/{executionName}/history")
  HistoryView history(
      @PathVariable String name,
      @PathVariable String executionName,
      @RequestParam(defaultValue = "false") boolean reverseOrder,
      @RequestParam(defaultValue = "0") int maxResults,
      @RequestParam(required = false) String nextToken,
      @RequestParam(defaultValue = "true") boolean includeExecutionData) {
    if (maxResults < 0 || maxResults > 1000) {
      throw ApiException.validation(
          "/maxResults", Integer.toString(maxResults), "Member must be between 0 and 1000");
    }
    Page<ExecutionService.HistoryEvent> page =
        executions.history(
            new ExecutionService.HistoryQuery(
                executionArn(name, executionName),
                nextToken,
                maxResults,
                reverseOrder,
                includeExecutionData));
    return new HistoryView(page.items().stream().map(this::event).toList(), page.nextToken());
  }

  @Operation(summary = "Stop a running execution")
  @PostMapping("/state-machines/{name}/executions/{executionName}/stop")
  StopView stop(
      @PathVariable String name,
      @PathVariable String executionName,
      @RequestBody(required = false) StopBody body) {
    StopBody given = body == null ? new StopBody(null, null) : body;
    binder.check(given);
    return new StopView(
        executions.stop(executionArn(name, executionName), given.error(), given.cause()));
  }

  // --- callbacks ------------------------------------------------------------------------------

  @Operation(summary = "Complete a task waiting for its token (SendTaskSuccess)")
  @PostMapping("/task-tokens/success")
  Empty success(@RequestBody TaskSuccessBody body) {
    binder.check(body);
    executions.sendTaskSuccess(body.taskToken(), payloads.output(text(body.output())));
    return new Empty();
  }

  @Operation(summary = "Fail a task waiting for its token (SendTaskFailure)")
  @PostMapping("/task-tokens/failure")
  Empty failure(@RequestBody TaskFailureBody body) {
    binder.check(body);
    executions.sendTaskFailure(body.taskToken(), body.error(), body.cause());
    return new Empty();
  }

  @Operation(summary = "Report that a task waiting for its token is alive (SendTaskHeartbeat)")
  @PostMapping("/task-tokens/heartbeat")
  Empty heartbeat(@RequestBody TaskHeartbeatBody body) {
    binder.check(body);
    executions.sendTaskHeartbeat(body.taskToken());
    return new Empty();
  }

  // --- TestState ------------------------------------------------------------------------------

  @Operation(summary = "Evaluate one state on its own (TestState)")
  @PostMapping("/test-state")
  TestStateView testState(@RequestBody TestStateBody body) {
    binder.check(body);
    String definition;
    if (body.definition().isTextual()) {
      definition = body.definition().textValue();
    } else if (body.definition().isObject()) {
      definition = text(body.definition());
    } else {
      throw ApiException.validation(
          "/definition", null, "Member must be a JSON object or a string holding one");
    }
    String variables = object(body.variables(), "/variables");
    String context = object(body.context(), "/context");
    ExecutionService.TestStateResult result =
        executions.testState(
            new ExecutionService.TestStateCommand(
                definition,
                null,
                payloads.input(body.input() == null ? "{}" : text(body.input())),
                "INFO",
                false,
                variables,
                context));
    return new TestStateView(
        result.status(),
        result.output() == null ? null : tree(result.output()),
        result.nextState(),
        result.variables() == null ? null : tree(result.variables()),
        result.error(),
        result.cause());
  }

  // --- internals ------------------------------------------------------------------------------

  private String object(JsonNode node, String pointer) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.validation(pointer, null, "Member must be a JSON object");
    }
    String text = text(node);
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > JsonPayloads.MAX_BYTES) {
      throw ApiException.validation(
          pointer, null, "Member must have length less than or equal to " + JsonPayloads.MAX_BYTES);
    }
    return text;
  }

  private String machineArn(String name) {
    if (!Names.isValidResourceName(name)) {
      throw new ApiException(ErrorCode.INVALID_NAME, "Invalid Name: '" + name + "'");
    }
    return arns.stateMachine(name);
  }

  private String executionArn(String name, String executionName) {
    machineArn(name);
    if (!Names.isValidResourceName(executionName)) {
      throw new ApiException(ErrorCode.INVALID_NAME, "Invalid Name: '" + executionName + "'");
    }
    return arns.execution(name, executionName);
  }

  /** A version number or an alias name after the state machine's ARN. */
  private String qualified(String machineArn, String qualifier) {
    if (qualifier == null) {
      return machineArn;
    }
    boolean number = !qualifier.isEmpty() && qualifier.chars().allMatch(Character::isDigit);
    if (number) {
      if (qualifier.length() > 9 || qualifier.charAt(0) == '0') {
        throw ApiException.validation(
            "/qualifier", qualifier, "Member must be a version number from 1, or an alias name");
      }
      return arns.version(machineArn, Integer.parseInt(qualifier));
    }
    if (!Names.isValidAliasName(qualifier)) {
      throw ApiException.validation(
          "/qualifier", qualifier, "Member must be a version number from 1, or an alias name");
    }
    return arns.alias(machineArn, qualifier);
  }

  private static Status status(String status) {
    if (status == null) {
      return null;
    }
    try {
      return Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(
          "/status",
          status,
          "Member must satisfy enum value set: "
              + Arrays.stream(Status.values())
                  .map(Status::name)
                  .collect(Collectors.joining(", ", "[", "]")));
    }
  }

  private ExecutionView view(ExecutionService.Execution e) {
    List<String> states =
        e.status() == Status.RUNNING ? executions.currentStates(e.executionArn()) : List.of();
    return new ExecutionView(
        e.executionArn(),
        e.name(),
        machineName(e.stateMachineArn()),
        e.stateMachineArn(),
        e.stateMachineVersionArn(),
        e.stateMachineAliasArn(),
        e.revisionId(),
        e.status().name(),
        e.startDate(),
        e.stopDate(),
        tree(e.input()),
        e.output() == null ? null : tree(e.output()),
        e.error(),
        e.cause(),
        states,
        links.link(e.workflowId(), e.runId()));
  }

  private ExecutionSummaryView summary(ExecutionService.ExecutionSummary e) {
    return new ExecutionSummaryView(
        e.executionArn(),
        e.name(),
        machineName(e.stateMachineArn()),
        e.stateMachineArn(),
        e.stateMachineVersionArn(),
        e.stateMachineAliasArn(),
        e.revisionId(),
        e.status().name(),
        e.startDate(),
        e.stopDate(),
        e.error(),
        links.link(e.workflowId(), e.runId()));
  }

  private static String machineName(String machineArn) {
    return machineArn.substring(machineArn.lastIndexOf(':') + 1);
  }

  private JsonNode event(ExecutionService.HistoryEvent e) {
    ObjectNode node = json.createObjectNode();
    node.put("timestamp", e.timestamp().toString());
    node.put("type", e.type());
    node.put("id", e.id());
    node.put("previousEventId", e.previousEventId());
    if (e.detailsMember() != null && e.details() != null) {
      node.set(e.detailsMember(), tree(e.details()));
    }
    return node;
  }

  private String text(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON value cannot be written", e);
    }
  }

  /** Stored JSON text as a tree; text that is not JSON (never stored here) as a string. */
  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(text);
    }
  }
}
