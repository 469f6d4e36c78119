package io.statecraft.workflows.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Asl;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.ExecutionStart;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.asl.interpret.Interpreter;
import io.statecraft.asl.interpret.Ports;
import io.statecraft.asl.interpret.Snapshot;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.validate.InvalidDefinitionException;
import io.statecraft.workflows.EventPage;
import io.statecraft.workflows.ExecutionProgress;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionResult;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.ExecutionWorkflow;
import io.statecraft.workflows.HistoryLimits;
import io.statecraft.workflows.failure.FailureMapper;
import io.statecraft.workflows.ports.Json;
import io.statecraft.workflows.ports.RunContext;
import io.statecraft.workflows.ports.RunMetrics;
import io.statecraft.workflows.ports.RunSuspension;
import io.statecraft.workflows.ports.TemporalBranches;
import io.statecraft.workflows.ports.TemporalTasks;
import io.statecraft.workflows.ports.TemporalTimers;
import io.statecraft.workflows.ports.WorkflowTime;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The interpreter workflow: verifies the definition's hash, compiles it once per run, runs the
 * interpreter core over the Temporal ports, keeps the run's history events for the {@code events}
 * query, and ends the Temporal workflow as {@link ExecutionWorkflow} describes.
 */
public final class ExecutionWorkflowImpl extends CallbackHandlers implements ExecutionWorkflow {

  private final WorkerServices services;
  private final List<HistoryEvent> events = new ArrayList<>();
  private ExecutionRequest request;
  private RunContext ctx;
  private RunMetrics metrics;
  private int run = 1;
  private long firstEventId = 1;
  private ExecutionResult result;
  private boolean continuedAsNew;

  public ExecutionWorkflowImpl(WorkerServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public ExecutionResult run(ExecutionRequest request) {
    this.request = request;
    Snapshot resume = request.resume();
    if (resume != null) {
      run = resume.runs() + 1;
      firstEventId = resume.nextEventId();
    }
    metrics = new RunMetrics(request.stateMachineName(), services.callbackGauge());
    if (resume == null) {
      metrics.executionStarted();
    }
    // Recorded once per run: a worker with other limits replays this run as it ran.
    HistoryLimits limits =
        Workflow.sideEffect(HistoryLimits.class, () -> services.settings().limits());

    String actualSha = ExecutionRequest.sha256(request.definition());
    if (!actualSha.equals(request.definitionSha256())) {
      return refuse(
          "The definition's SHA-256 is "
              + actualSha
              + ", not the "
              + request.definitionSha256()
              + " the execution was started with.");
    }
    StateMachine machine;
    JsonNode definitionJson;
    JsonNode input;
    try {
      machine = Asl.read(request.definition());
      definitionJson = Json.parse(request.definition());
    } catch (InvalidDefinitionException e) {
      return refuse("The definition cannot run: " + e.getMessage());
    }
    try {
      input = Json.parse(request.input());
    } catch (IllegalArgumentException e) {
      return refuse("The execution input is not JSON: " + e.getMessage());
    }
    services.definitions().put(request.definitionSha256(), request.definition());

    ctx =
        new RunContext(
            request.stateMachineName(),
            request.executionArn(),
            run,
            services.settings(),
            limits,
            deadline(machine, resume),
            true,
            metrics);
    WorkflowTime time = ctx.time();
    Ports ports =
        new Ports(
            new TemporalTasks(ctx),
            new TemporalTimers(ctx),
            new TemporalBranches(ctx, request.definitionSha256()),
            this::onEvent,
            time,
            time,
            new RunSuspension(ctx, events::size));
    Interpreter interpreter =
        new Interpreter(ports, new Interpreter.Options(NativeRetries.allowed(definitionJson)));
    ExecutionOutcome outcome =
        resume == null
            ? interpreter.start(machine, start(input))
            : interpreter.resume(machine, resume);
    return end(outcome);
  }

  private ExecutionStart start(JsonNode input) {
    return new ExecutionStart(
        new ContextObject.ExecutionInfo(
            request.executionArn(),
            input,
            request.executionName(),
            request.roleArn(),
            request.startTime(),
            0),
        new ContextObject.StateMachineInfo(request.stateMachineArn(), request.stateMachineName()));
  }

  private Instant deadline(StateMachine machine, Snapshot resume) {
    if (resume != null) {
      return resume.executionDeadline() == null
          ? null
          : Timestamps.parse(resume.executionDeadline()).orElse(null);
    }
    if (machine.timeoutSeconds().isEmpty()) {
      return null;
    }
    return Timestamps.parse(request.startTime())
        .map(t -> t.plusSeconds(machine.timeoutSeconds().getAsInt()))
        .orElse(null);
  }

  private ExecutionResult end(ExecutionOutcome outcome) {
    return switch (outcome) {
      case ExecutionOutcome.Succeeded s -> {
        result =
            new ExecutionResult(
                ExecutionStatus.SUCCEEDED, Json.compact(s.output()), null, null, lastEventId());
        metrics.executionCompleted(ExecutionStatus.SUCCEEDED, null);
        Workflow.await(Workflow::isEveryHandlerFinished);
        yield result;
      }
      case ExecutionOutcome.Failed f -> throw fail(ExecutionStatus.FAILED, f.error(), f.cause());
      case ExecutionOutcome.TimedOut t ->
          throw fail(ExecutionStatus.TIMED_OUT, t.error(), t.cause());
      case ExecutionOutcome.Aborted a -> {
        result =
            new ExecutionResult(ExecutionStatus.ABORTED, null, a.error(), a.cause(), lastEventId());
        metrics.executionCompleted(ExecutionStatus.ABORTED, a.error());
        Workflow.upsertMemo(java.util.Map.of(ExecutionResult.MEMO_KEY, result));
        // Thrown while the cancellation is requested, it ends the workflow as Canceled.
        throw FailureMapper.executionCancelled(result);
      }
      case ExecutionOutcome.Suspended s -> {
        continuedAsNew = true;
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(
            ContinueAsNewOptions.newBuilder()
                .setTypedSearchAttributes(Workflow.getTypedSearchAttributes())
                .build(),
            request.resumingFrom(s.snapshot()));
        throw new IllegalStateException("continue-as-new returned");
      }
    };
  }

  private RuntimeException fail(ExecutionStatus status, String error, String cause) {
    result = new ExecutionResult(status, null, error, cause, lastEventId());
    metrics.executionCompleted(status, error);
    Workflow.await(Workflow::isEveryHandlerFinished);
    return FailureMapper.executionFailure(result);
  }

  /**
   * Fails an execution whose request cannot run at all (a definition that does not match its hash
   * or cannot be read, an input that is not JSON), recording its start and failure.
   */
  private ExecutionResult refuse(String cause) {
    String now = Timestamps.format(Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    if (request.resume() == null) {
      ObjectNode started = Json.NODES.objectNode();
      JsonNode input;
      try {
        input = Json.parse(request.input());
      } catch (IllegalArgumentException e) {
        input = Json.NODES.textNode(request.input());
      }
      started.set("input", input);
      events.add(
          new HistoryEvent(firstEventId, 0, HistoryEventType.ExecutionStarted, now, started));
    }
    ObjectNode failed = Json.NODES.objectNode();
    failed.put("error", StatesError.RUNTIME.errorName());
    failed.put("cause", cause);
    long id = firstEventId + events.size();
    events.add(new HistoryEvent(id, id - 1, HistoryEventType.ExecutionFailed, now, failed));
    throw fail(ExecutionStatus.FAILED, StatesError.RUNTIME.errorName(), cause);
  }

  private void onEvent(HistoryEvent event) {
    events.add(event);
    metrics.onEvent(event);
  }

  private long lastEventId() {
    return firstEventId + events.size() - 1;
  }

  // ------------------------------------------------------------------ queries

  @Override
  public ExecutionProgress progress() {
    return new ExecutionProgress(
        result == null ? ExecutionStatus.RUNNING : result.status(),
        ctx == null || result != null ? List.of() : ctx.currentStates(),
        Workflow.getInfo().getRunId(),
        Workflow.getInfo().getContinuedExecutionRunId().orElse(null),
        run,
        firstEventId,
        lastEventId(),
        continuedAsNew,
        result);
  }

  @Override
  public EventPage events(long afterEventId, int maxEvents) {
    if (maxEvents < 1 || maxEvents > MAX_EVENTS_PER_QUERY) {
      throw new IllegalArgumentException(
          "maxEvents must be between 1 and " + MAX_EVENTS_PER_QUERY + ", was " + maxEvents);
    }
    int from = (int) Math.min(events.size(), Math.max(0, afterEventId + 1 - firstEventId));
    int to = Math.min(events.size(), from + maxEvents);
    return new EventPage(
        new ArrayList<>(events.subList(from, to)),
        Workflow.getInfo().getRunId(),
        Workflow.getInfo().getContinuedExecutionRunId().orElse(null),
        firstEventId,
        lastEventId(),
        result != null || continuedAsNew);
  }

  @Override
  public String definition() {
    return request == null ? null : request.definition();
  }

  // ------------------------------------------------------------------ callbacks

  @Override
  protected RunContext run() {
    return ctx;
  }

  @Override
  protected String notStartedMessage() {
    return "The execution has not started any task.";
  }
}
