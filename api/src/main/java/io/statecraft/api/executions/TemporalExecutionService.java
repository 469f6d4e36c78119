package io.statecraft.api.executions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.StatusRuntimeException;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionRecords.ExecutionRow;
import io.statecraft.api.executions.ExecutionRecords.RowStatus;
import io.statecraft.api.statemachines.Arns;
import io.statecraft.api.statemachines.Page;
import io.statecraft.api.statemachines.Revision;
import io.statecraft.api.statemachines.StateMachineRecord;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.statemachines.StateMachineType;
import io.statecraft.api.validation.Names;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClientException;
import io.statecraft.workflows.WorkflowIds;
import io.temporal.client.WorkflowException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ExecutionService} on Temporal. The {@code execution} table is the index: every
 * execution is recorded there before its workflow starts, and how it ended is copied there from
 * Temporal ({@link ExecutionReconciler}); Temporal is the truth about a running execution, its
 * history and its task tokens.
 */
final class TemporalExecutionService implements ExecutionService {

  private static final Logger log = LoggerFactory.getLogger(TemporalExecutionService.class);

  /** AWS's default page size. */
  static final int DEFAULT_PAGE = 100;

  private static final Set<String> PAYLOADS = Set.of("input", "output", "parameters");

  /**
   * Timings.
   *
   * @param syncTimeout how long {@code StartSyncExecution} waits (AWS's Express limit: 5 minutes)
   * @param stopWait how long {@code StopExecution} waits for the workflow to record its end
   * @param queryTimeout how long a query to a worker (current states) may take
   */
  record Timings(Duration syncTimeout, Duration stopWait, Duration queryTimeout) {

    static Timings defaults() {
      return new Timings(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }
  }

  private final StateMachineRegistry registry;
  private final ExecutionRecords records;
  private final Arns arns;
  private final StatecraftClient client;
  private final ExecutionStarter starter;
  private final ExecutionReconciler reconciler;
  private final TestStates testStates;
  private final ObjectMapper json;
  private final Clock clock;
  private final Timings timings;
  private final Executor queries;

  TemporalExecutionService(
      StateMachineRegistry registry,
      ExecutionRecords records,
      Arns arns,
      StatecraftClient client,
      ExecutionStarter starter,
      ExecutionReconciler reconciler,
      TestStates testStates,
      ObjectMapper json,
      Clock clock,
      Timings timings,
      Executor queries) {
    this.registry = registry;
    this.records = records;
    this.arns = arns;
    this.client = client;
    this.starter = starter;
    this.reconciler = reconciler;
    this.testStates = testStates;
    this.json = json;
    this.clock = clock;
    this.timings = timings;
    this.queries = queries;
  }

  // --- starting -------------------------------------------------------------------------------

  @Override
  public Started start(StartCommand command) {
    ExecutionRecords.Accepted accepted = accept(command, false);
    return new Started(
        accepted.row().executionArn(), accepted.row().startDate(), accepted.created());
  }

  private ExecutionRecords.Accepted accept(StartCommand command, boolean sync) {
    String name = command.name() == null ? UUID.randomUUID().toString() : command.name();
    if (!Names.isValidResourceName(name)) {
      throw new ApiException(ErrorCode.INVALID_NAME, "Invalid Name: '" + name + "'");
    }
    StateMachineRegistry.ExecutionTarget target =
        registry.resolveForExecution(command.stateMachineArn(), name);
    if (sync && target.stateMachine().type() != StateMachineType.EXPRESS) {
      throw new ApiException(
          ErrorCode.STATE_MACHINE_TYPE_NOT_SUPPORTED,
          "This operation is only supported for EXPRESS state machines: '"
              + target.stateMachine().arn()
              + "' is "
              + target.stateMachine().type());
    }
    String input = command.input() == null ? "{}" : command.input();
    String machine = target.stateMachine().name();
    ExecutionRow candidate =
        ExecutionRow.started(
            target,
            arns.execution(machine, name),
            name,
            input,
            RowStatus.PENDING,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            WorkflowIds.execution(machine, name),
            null);
    ExecutionRecords.Accepted accepted = records.accept(candidate);
    ExecutionRow row = accepted.row();
    if (row.status() == RowStatus.PENDING) {
      // When Temporal cannot be reached the row stays PENDING and is started in the background.
      starter.start(row);
    }
    return accepted;
  }

  @Override
  public SyncResult startSync(StartCommand command) {
    ExecutionRow row = accept(command, true).row();
    try {
      client.awaitClose(row.workflowId(), timings.syncTimeout());
    } catch (StatecraftClientException e) {
      if (e.reason() != StatecraftClientException.Reason.STILL_RUNNING) {
        throw translate(e);
      }
      // AWS ends an Express execution after five minutes.
      client.stop(
          row.workflowId(),
          "States.Timeout",
          "The synchronous execution did not end within " + timings.syncTimeout());
      client.awaitClose(row.workflowId(), timings.stopWait());
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
    ExecutionRow settled = temporal(() -> reconciler.settle(current(row)));
    Status status = status(settled.status());
    // SyncExecutionStatus has SUCCEEDED, FAILED and TIMED_OUT only; a stopped one has failed.
    if (status == Status.ABORTED || status == Status.RUNNING) {
      status = Status.FAILED;
    }
    return new SyncResult(
        settled.executionArn(),
        settled.stateMachineArn(),
        settled.name(),
        settled.startDate(),
        settled.stopDate(),
        status,
        settled.input(),
        settled.output(),
        settled.error(),
        settled.cause());
  }

  // --- describing -----------------------------------------------------------------------------

  @Override
  public Execution describe(String executionArn) {
    ExecutionRow row = find(executionArn);
    if (row.status() == RowStatus.RUNNING) {
      try {
        row = reconciler.settle(row);
      } catch (StatusRuntimeException e) {
        // Temporal is unreachable: the recorded status is the best answer there is.
        log.debug("Describing {} from its record: {}", executionArn, e.getStatus());
      }
    }
    return execution(row);
  }

  @Override
  public Execution recorded(String executionArn) {
    return execution(find(executionArn));
  }

  @Override
  public List<String> currentStates(String executionArn) {
    ExecutionRow row = find(executionArn);
    if (row.status() != RowStatus.RUNNING) {
      return List.of();
    }
    CompletableFuture<List<String>> states =
        CompletableFuture.supplyAsync(
            () -> client.progress(row.workflowId()).currentStates(), queries);
    try {
      return states.get(timings.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      states.cancel(true);
      return List.of();
    } catch (ExecutionException e) {
      // No worker answered, or the execution ended meanwhile: no current states to show.
      log.debug("No current states of {}: {}", executionArn, e.getCause().toString());
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  @Override
  public StateMachineRegistry.Description describeStateMachineForExecution(String executionArn) {
    ExecutionRow row = find(executionArn);
    Revision revision =
        registry
            .findRevision(row.revisionId())
            .orElseThrow(
                () -> new IllegalStateException("Revision " + row.revisionId() + " is gone"));
    StateMachineRecord machine;
    try {
      machine = registry.describe(row.stateMachineArn()).stateMachine();
    } catch (ApiException e) {
      // The state machine was deleted since; the execution still knows what it ran.
      String name = row.workflowId().substring(0, row.workflowId().indexOf('/'));
      machine =
          new StateMachineRecord(
              row.stateMachineArn(),
              name,
              StateMachineType.STANDARD,
              StateMachineRecord.Status.DELETING,
              revision.revisionId(),
              null,
              revision.creationDate(),
              null,
              0);
    }
    return new StateMachineRegistry.Description(row.stateMachineArn(), machine, revision, null);
  }

  // --- listing --------------------------------------------------------------------------------

  @Override
  public Page<ExecutionSummary> list(ListQuery query) {
    ExecutionRecords.Scope scope = scope(query.stateMachineArn());
    try {
      reconciler.syncIfStale();
    } catch (StatusRuntimeException e) {
      // Listed as recorded; statuses catch up once Temporal answers again.
      log.debug("Listing executions without reconciling: {}", e.getStatus());
    }
    RowStatus status =
        query.statusFilter() == null ? null : RowStatus.valueOf(query.statusFilter().name());
    int size = query.maxResults() <= 0 ? DEFAULT_PAGE : query.maxResults();
    Page<ExecutionRow> page = records.list(scope, status, query.nextToken(), size);
    return new Page<>(page.items().stream().map(this::summary).toList(), page.nextToken());
  }

  private ExecutionRecords.Scope scope(String arn) {
    if (arn == null) {
      return ExecutionRecords.Scope.all();
    }
    return switch (arns.parseStateMachine(arn)) {
      case Arns.StateMachineTarget t -> {
        registry.describe(arn);
        yield ExecutionRecords.Scope.of(arn);
      }
      case Arns.VersionTarget v -> {
        registry.describe(arn);
        yield new ExecutionRecords.Scope(
            arns.stateMachine(v.stateMachineName()), v.version(), null);
      }
      case Arns.AliasTarget a -> {
        registry.describeAlias(arn);
        yield new ExecutionRecords.Scope(arns.stateMachine(a.stateMachineName()), null, arn);
      }
    };
  }

  // --- stopping -------------------------------------------------------------------------------

  @Override
  public Instant stop(String executionArn, String error, String cause) {
    ExecutionRow row = find(executionArn);
    if (!row.status().open()) {
      return row.stopDate();
    }
    if (row.status() == RowStatus.PENDING) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      if (records.markFinished(executionArn, RowStatus.ABORTED, now, null, null, error, cause)) {
        // If its workflow is being started right now, the starter sees the row ended and stops
        // the workflow too.
        if (registry.isDeleting(row.stateMachineArn())) {
          registry.finishDeletion(row.stateMachineArn());
        }
        return now;
      }
      return stop(executionArn, error, cause);
    }
    try {
      client.stop(row.workflowId(), error, cause);
      client.awaitClose(row.workflowId(), timings.stopWait());
    } catch (StatecraftClientException e) {
      if (e.reason() != StatecraftClientException.Reason.STILL_RUNNING
          && e.reason() != StatecraftClientException.Reason.EXECUTION_DOES_NOT_EXIST) {
        throw translate(e);
      }
      // Still running: no worker has recorded the stop yet; it will.
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
    ExecutionRow settled = temporal(() -> reconciler.settle(current(row)));
    return settled.stopDate() != null
        ? settled.stopDate()
        : clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // --- history --------------------------------------------------------------------------------

  @Override
  public Page<HistoryEvent> history(HistoryQuery query) {
    ExecutionRow row = find(query.executionArn());
    if (row.status() == RowStatus.PENDING) {
      return recorded(row, query);
    }
    StatecraftClient.HistoryPage page;
    try {
      page =
          client.history(
              row.workflowId(), query.nextToken(), query.maxResults(), query.reverseOrder());
    } catch (StatecraftClientException e) {
      if (e.reason() == StatecraftClientException.Reason.EXECUTION_DOES_NOT_EXIST) {
        // Temporal no longer has it: answer what the record keeps.
        return recorded(temporal(() -> reconciler.settle(row)), query);
      }
      throw translate(e);
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    } catch (WorkflowException e) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "The history of '"
              + query.executionArn()
              + "' could not be read: no worker answered ("
              + e.getClass().getSimpleName()
              + ")");
    }
    List<HistoryEvent> events = new ArrayList<>();
    for (io.statecraft.asl.interpret.HistoryEvent event : page.events()) {
      events.add(event(event, query.includeExecutionData()));
    }
    return new Page<>(events, page.nextToken());
  }

  private HistoryEvent event(io.statecraft.asl.interpret.HistoryEvent event, boolean data) {
    ObjectNode aws = event.toAwsJson();
    String member = event.type().detailsMember();
    JsonNode details = member == null ? null : aws.get(member);
    if (details instanceof ObjectNode object && !data) {
      // includeExecutionData=false: the events without their input, output and parameters.
      for (String payload : PAYLOADS) {
        object.remove(payload);
        object.remove(payload + "Details");
      }
      object.remove("assignedVariables");
      object.remove("assignedVariablesDetails");
    }
    return new HistoryEvent(
        event.id(),
        event.previousEventId(),
        Instant.parse(event.timestamp()),
        event.type().name(),
        details == null ? null : member,
        details == null ? null : write(details));
  }

  /**
   * The history an execution's record can tell when Temporal has none: its start and, once it
   * ended, its end.
   */
  private Page<HistoryEvent> recorded(ExecutionRow row, HistoryQuery query) {
    List<HistoryEvent> events = new ArrayList<>();
    ObjectNode started = json.createObjectNode();
    if (query.includeExecutionData()) {
      started.put("input", row.input());
      started.putObject("inputDetails").put("truncated", false);
    }
    registry.findRevision(row.revisionId()).ifPresent(r -> started.put("roleArn", r.roleArn()));
    if (row.aliasArn() != null) {
      started.put("stateMachineAliasArn", row.aliasArn());
    }
    if (row.versionArn() != null) {
      started.put("stateMachineVersionArn", row.versionArn());
    }
    events.add(
        new HistoryEvent(
            1,
            0,
            row.startDate(),
            "ExecutionStarted",
            "executionStartedEventDetails",
            write(started)));
    if (!row.status().open()) {
      ObjectNode ended = json.createObjectNode();
      String type;
      String member;
      switch (row.status()) {
        case SUCCEEDED -> {
          type = "ExecutionSucceeded";
          member = "executionSucceededEventDetails";
          if (query.includeExecutionData()) {
            ended.put("output", row.output() == null ? "null" : row.output());
            ended.putObject("outputDetails").put("truncated", false);
          }
        }
        case TIMED_OUT -> {
          type = "ExecutionTimedOut";
          member = "executionTimedOutEventDetails";
        }
        case ABORTED -> {
          type = "ExecutionAborted";
          member = "executionAbortedEventDetails";
        }
        default -> {
          type = "ExecutionFailed";
          member = "executionFailedEventDetails";
        }
      }
      if (row.status() != RowStatus.SUCCEEDED) {
        if (row.error() != null) {
          ended.put("error", row.error());
        }
        if (row.cause() != null) {
          ended.put("cause", row.cause());
        }
      }
      events.add(new HistoryEvent(2, 1, row.stopDate(), type, member, write(ended)));
    }
    if (query.reverseOrder()) {
      events = new ArrayList<>(events.reversed());
    }
    int offset = recordedOffset(query.nextToken(), row.executionArn());
    int size = query.maxResults() <= 0 ? DEFAULT_PAGE : query.maxResults();
    int end = Math.min(events.size(), offset + size);
    String next =
        end < events.size()
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    ("recorded\n" + row.executionArn() + "\n" + end)
                        .getBytes(StandardCharsets.UTF_8))
            : null;
    return new Page<>(events.subList(Math.min(offset, events.size()), end), next);
  }

  private static int recordedOffset(String token, String executionArn) {
    if (token == null) {
      return 0;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
      if (parts.length == 3 && parts[0].equals("recorded") && parts[1].equals(executionArn)) {
        return Integer.parseInt(parts[2]);
      }
    } catch (IllegalArgumentException e) {
      // Refused below.
    }
    String shown = token.length() > 64 ? token.substring(0, 64) + "..." : token;
    throw new ApiException(ErrorCode.INVALID_TOKEN, "Invalid Token: '" + shown + "'");
  }

  // --- callbacks ------------------------------------------------------------------------------

  @Override
  public void sendTaskSuccess(String taskToken, String output) {
    callback(() -> client.sendTaskSuccess(taskToken, output));
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    callback(() -> client.sendTaskFailure(taskToken, error, cause));
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    callback(() -> client.sendTaskHeartbeat(taskToken));
  }

  private void callback(Runnable call) {
    try {
      call.run();
    } catch (StatecraftClientException e) {
      throw translate(e);
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
  }

  @Override
  public TestStateResult testState(TestStateCommand command) {
    return testStates.test(command);
  }

  // --- helpers --------------------------------------------------------------------------------

  private ExecutionRow find(String executionArn) {
    arns.parseExecution(executionArn);
    return records
        .find(executionArn)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.EXECUTION_DOES_NOT_EXIST,
                    "Execution Does Not Exist: '" + executionArn + "'"));
  }

  private ExecutionRow current(ExecutionRow row) {
    return records.find(row.executionArn()).orElse(row);
  }

  private Execution execution(ExecutionRow row) {
    return new Execution(
        row.executionArn(),
        row.stateMachineArn(),
        row.name(),
        status(row.status()),
        row.startDate(),
        row.stopDate(),
        row.input(),
        row.output(),
        row.error(),
        row.cause(),
        row.versionArn(),
        row.aliasArn(),
        row.revisionId(),
        row.workflowId(),
        row.runId());
  }

  private ExecutionSummary summary(ExecutionRow row) {
    return new ExecutionSummary(
        row.executionArn(),
        row.stateMachineArn(),
        row.name(),
        status(row.status()),
        row.startDate(),
        row.stopDate(),
        row.versionArn(),
        row.aliasArn(),
        row.revisionId(),
        row.error(),
        row.workflowId(),
        row.runId());
  }

  /** A row not yet handed to Temporal is, to callers, running: it was accepted and will run. */
  static Status status(RowStatus status) {
    return switch (status) {
      case PENDING, RUNNING -> Status.RUNNING;
      case SUCCEEDED -> Status.SUCCEEDED;
      case FAILED -> Status.FAILED;
      case TIMED_OUT -> Status.TIMED_OUT;
      case ABORTED -> Status.ABORTED;
      case PENDING_REDRIVE -> Status.PENDING_REDRIVE;
    };
  }

  private static <T> T temporal(Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    } catch (StatecraftClientException e) {
      throw translate(e);
    }
  }

  static ApiException unavailable(StatusRuntimeException e) {
    return new ApiException(
        ErrorCode.SERVICE_UNAVAILABLE,
        "Temporal is not reachable (" + e.getStatus().getCode() + "); try again later");
  }

  /** The AWS error a client refusal stands for. */
  static ApiException translate(StatecraftClientException e) {
    ErrorCode code =
        switch (e.reason()) {
          case EXECUTION_DOES_NOT_EXIST -> ErrorCode.EXECUTION_DOES_NOT_EXIST;
          case EXECUTION_ALREADY_EXISTS -> ErrorCode.EXECUTION_ALREADY_EXISTS;
          case STILL_RUNNING -> ErrorCode.SERVICE_UNAVAILABLE;
          case INVALID_TOKEN -> ErrorCode.INVALID_TOKEN;
          case TASK_DOES_NOT_EXIST -> ErrorCode.TASK_DOES_NOT_EXIST;
          case TASK_TIMED_OUT -> ErrorCode.TASK_TIMED_OUT;
          case INVALID_OUTPUT -> ErrorCode.INVALID_OUTPUT;
        };
    return new ApiException(code, e.getMessage());
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot be written", e);
    }
  }
}
