package io.statecraft.workflows.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.workflows.CallbackError;
import io.statecraft.workflows.EventPage;
import io.statecraft.workflows.ExecutionProgress;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionResult;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.ExecutionWorkflow;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClientException;
import io.statecraft.workflows.StatecraftClientException.Reason;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.statecraft.workflows.StopReason;
import io.statecraft.workflows.TaskCallbacks;
import io.statecraft.workflows.TaskFailure;
import io.statecraft.workflows.TaskHeartbeat;
import io.statecraft.workflows.TaskSuccess;
import io.statecraft.workflows.TaskToken;
import io.statecraft.workflows.failure.FailureMapper;
import io.statecraft.workflows.ports.Json;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.history.v1.History;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowTargetOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link StatecraftClient} over a Temporal {@link WorkflowClient}. */
public final class TemporalStatecraftClient implements StatecraftClient {

  private static final int DEFAULT_PAGE = 100;

  private final WorkflowClient client;
  private final String taskQueue;
  private final String namespace;

  public TemporalStatecraftClient(WorkflowClient client, String taskQueue) {
    this.client = Objects.requireNonNull(client, "client");
    this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    this.namespace = client.getOptions().getNamespace();
  }

  // ------------------------------------------------------------------ start, describe, stop

  @Override
  public StartedExecution start(ExecutionRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(request.workflowId())
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setStaticSummary(
                "Execution " + request.executionName() + " of " + request.stateMachineName())
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(StatecraftSearchAttributes.STATE_MACHINE_NAME, request.stateMachineName())
                    .set(StatecraftSearchAttributes.EXECUTION_NAME, request.executionName())
                    .build())
            .build();
    ExecutionWorkflow stub = client.newWorkflowStub(ExecutionWorkflow.class, options);
    try {
      WorkflowExecution started = WorkflowClient.start(stub::run, request);
      return new StartedExecution(request.workflowId(), started.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      WorkflowExecutionInfo info = describeLatest(request.workflowId());
      if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return new StartedExecution(request.workflowId(), info.getExecution().getRunId(), true);
      }
      throw new StatecraftClientException(
          Reason.EXECUTION_ALREADY_EXISTS,
          "An execution with the workflow id '" + request.workflowId() + "' already ran.",
          e);
    }
  }

  @Override
  public ExecutionDescription describe(String workflowId) {
    WorkflowExecutionInfo info = describeLatest(workflowId);
    String runId = info.getExecution().getRunId();
    String firstRunId =
        info.getFirstRunId().isEmpty() ? firstRunId(workflowId) : info.getFirstRunId();
    Instant closeTime =
        info.hasCloseTime()
            ? Instant.ofEpochSecond(
                info.getCloseTime().getSeconds(), info.getCloseTime().getNanos())
            : null;
    return switch (info.getStatus()) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING, WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW ->
          new ExecutionDescription(
              workflowId, firstRunId, runId, ExecutionStatus.RUNNING, null, null, null, null);
      case WORKFLOW_EXECUTION_STATUS_TERMINATED ->
          new ExecutionDescription(
              workflowId,
              firstRunId,
              runId,
              ExecutionStatus.ABORTED,
              closeTime,
              null,
              null,
              "The execution's workflow was terminated in Temporal.");
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> {
        ExecutionResult result = memoResult(info);
        yield new ExecutionDescription(
            workflowId,
            firstRunId,
            runId,
            ExecutionStatus.ABORTED,
            closeTime,
            null,
            result == null ? null : result.error(),
            result == null ? null : result.cause());
      }
      default -> {
        ExecutionResult result = result(workflowId, runId);
        yield new ExecutionDescription(
            workflowId,
            firstRunId,
            runId,
            result.status(),
            closeTime,
            result.output(),
            result.error(),
            result.cause());
      }
    };
  }

  /** The result an aborted execution kept in its memo, or {@code null}. */
  private ExecutionResult memoResult(WorkflowExecutionInfo info) {
    var payload = info.getMemo().getFieldsMap().get(ExecutionResult.MEMO_KEY);
    if (payload == null) {
      return null;
    }
    return client
        .getOptions()
        .getDataConverter()
        .fromPayload(payload, ExecutionResult.class, ExecutionResult.class);
  }

  /** The result of a closed run, however it ended. */
  private ExecutionResult result(String workflowId, String runId) {
    WorkflowStub stub = runStub(workflowId, runId);
    try {
      return stub.getResult(ExecutionResult.class);
    } catch (WorkflowFailedException e) {
      Optional<ExecutionResult> carried = FailureMapper.executionResult(e.getCause());
      if (carried.isPresent()) {
        return carried.get();
      }
      if (FailureMapper.isCanceledWorkflow(e.getCause())) {
        return new ExecutionResult(
            ExecutionStatus.ABORTED, null, null, FailureMapper.message(e.getCause()), 0);
      }
      if (FailureMapper.isTimedOutWorkflow(e.getCause())) {
        return new ExecutionResult(
            ExecutionStatus.TIMED_OUT,
            null,
            "States.Timeout",
            "The execution's workflow timed out in Temporal.",
            0);
      }
      return new ExecutionResult(
          ExecutionStatus.FAILED, null, null, FailureMapper.message(e.getCause()), 0);
    }
  }

  @Override
  public ExecutionDescription awaitClose(String workflowId, Duration timeout) {
    describeLatest(workflowId);
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    try {
      stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, ExecutionResult.class);
    } catch (TimeoutException e) {
      throw new StatecraftClientException(
          Reason.STILL_RUNNING,
          "The execution '" + workflowId + "' is still running after " + timeout,
          e);
    } catch (WorkflowException e) {
      // Failed, timed out or stopped: describe reads how.
    }
    return describe(workflowId);
  }

  @Override
  public ExecutionProgress progress(String workflowId) {
    describeLatest(workflowId);
    return client.newWorkflowStub(ExecutionWorkflow.class, workflowId).progress();
  }

  @Override
  public void stop(String workflowId, String error, String cause) {
    WorkflowExecutionInfo info = describeLatest(workflowId);
    if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return;
    }
    try {
      client.newUntypedWorkflowStub(workflowId).cancel(new StopReason(error, cause).encode());
    } catch (WorkflowNotFoundException e) {
      // It ended between the two calls: stopping an ended execution changes nothing.
    }
  }

  private WorkflowExecutionInfo describeLatest(String workflowId) {
    try {
      return client
          .getWorkflowServiceStubs()
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(namespace)
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                  .build())
          .getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      throw missingOr(workflowId, e);
    }
  }

  private boolean exists(String workflowId) {
    try {
      describeLatest(workflowId);
      return true;
    } catch (StatecraftClientException e) {
      return false;
    }
  }

  /** A stub of one run of the workflow. */
  private WorkflowStub runStub(String workflowId, String runId) {
    return client.newUntypedWorkflowStub(
        WorkflowTargetOptions.newBuilder().setWorkflowId(workflowId).setRunId(runId).build());
  }

  // ------------------------------------------------------------------ history

  @Override
  public HistoryPage history(
      String workflowId, String nextToken, int maxResults, boolean reverseOrder) {
    if (maxResults < 0 || maxResults > ExecutionWorkflow.MAX_EVENTS_PER_QUERY) {
      throw new IllegalArgumentException(
          "maxResults must be between 0 and "
              + ExecutionWorkflow.MAX_EVENTS_PER_QUERY
              + ", was "
              + maxResults);
    }
    int max = maxResults == 0 ? DEFAULT_PAGE : maxResults;
    PageToken token =
        nextToken == null ? null : PageToken.decode(nextToken, workflowId, reverseOrder);
    return reverseOrder ? backward(workflowId, token, max) : forward(workflowId, token, max);
  }

  private HistoryPage forward(String workflowId, PageToken token, int max) {
    String runId = token == null ? firstRunId(workflowId) : token.runId();
    long after = token == null ? 0 : token.eventId();
    List<HistoryEvent> out = new ArrayList<>();
    while (true) {
      EventPage page = events(workflowId, runId, after, Math.max(1, max - out.size()));
      if (out.size() < max) {
        out.addAll(page.events());
        if (!page.events().isEmpty()) {
          after = page.events().get(page.events().size() - 1).id();
        }
      }
      boolean moreInRun = after < page.lastEventId();
      if (moreInRun) {
        if (out.size() >= max) {
          return new HistoryPage(out, new PageToken(workflowId, runId, after, false).encode());
        }
        continue;
      }
      Optional<String> next = page.runClosed() ? continuedRun(workflowId, runId) : Optional.empty();
      if (next.isEmpty()) {
        return new HistoryPage(out, null);
      }
      runId = next.get();
      if (out.size() >= max) {
        return new HistoryPage(out, new PageToken(workflowId, runId, after, false).encode());
      }
    }
  }

  private HistoryPage backward(String workflowId, PageToken token, int max) {
    String runId =
        token == null ? describeLatest(workflowId).getExecution().getRunId() : token.runId();
    long before = token == null ? Long.MAX_VALUE : token.eventId();
    List<HistoryEvent> out = new ArrayList<>();
    while (true) {
      if (before == Long.MAX_VALUE) {
        EventPage range = events(workflowId, runId, Long.MAX_VALUE - 1, 1);
        before = range.lastEventId() + 1;
      }
      int need = max - out.size();
      EventPage page = events(workflowId, runId, Math.max(0, before - 1 - need), need);
      List<HistoryEvent> window = new ArrayList<>();
      for (HistoryEvent e : page.events()) {
        if (e.id() < before) {
          window.add(e);
        }
      }
      for (int i = window.size() - 1; i >= 0 && out.size() < max; i--) {
        out.add(window.get(i));
        before = window.get(i).id();
      }
      boolean moreInRun = before > page.firstEventId();
      if (!moreInRun && page.previousRunId() == null) {
        return new HistoryPage(out, null);
      }
      if (!moreInRun) {
        runId = page.previousRunId();
        before = Long.MAX_VALUE;
      }
      if (out.size() >= max) {
        return new HistoryPage(out, new PageToken(workflowId, runId, before, true).encode());
      }
    }
  }

  private EventPage events(String workflowId, String runId, long after, int max) {
    try {
      return runStub(workflowId, runId)
          .query(ExecutionWorkflow.QUERY_EVENTS, EventPage.class, after, max);
    } catch (WorkflowNotFoundException e) {
      throw new StatecraftClientException(
          Reason.EXECUTION_DOES_NOT_EXIST,
          "No execution has the workflow id '" + workflowId + "'.",
          e);
    }
  }

  /** The first run of the execution: the latest run's start event names it. */
  private String firstRunId(String workflowId) {
    History history = firstEvents(workflowId, Optional.empty());
    if (history.getEventsCount() == 0) {
      throw new StatecraftClientException(
          Reason.EXECUTION_DOES_NOT_EXIST,
          "No execution has the workflow id '" + workflowId + "'.");
    }
    String first =
        history.getEvents(0).getWorkflowExecutionStartedEventAttributes().getFirstExecutionRunId();
    return first.isEmpty() ? describeLatest(workflowId).getExecution().getRunId() : first;
  }

  /** The run that continued {@code runId}, when it continued as new. */
  private Optional<String> continuedRun(String workflowId, String runId) {
    History close = closeEvent(workflowId, runId);
    if (close.getEventsCount() == 0) {
      return Optional.empty();
    }
    var event = close.getEvents(close.getEventsCount() - 1);
    if (event.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
      return Optional.empty();
    }
    return Optional.of(
        event.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId());
  }

  private History firstEvents(String workflowId, Optional<String> runId) {
    WorkflowExecution.Builder execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId);
    runId.ifPresent(execution::setRunId);
    try {
      return client
          .getWorkflowServiceStubs()
          .blockingStub()
          .getWorkflowExecutionHistory(
              GetWorkflowExecutionHistoryRequest.newBuilder()
                  .setNamespace(namespace)
                  .setExecution(execution)
                  .setMaximumPageSize(1)
                  .build())
          .getHistory();
    } catch (StatusRuntimeException e) {
      throw missingOr(workflowId, e);
    }
  }

  private History closeEvent(String workflowId, String runId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .getWorkflowExecutionHistory(
            GetWorkflowExecutionHistoryRequest.newBuilder()
                .setNamespace(namespace)
                .setExecution(
                    WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
                .setHistoryEventFilterType(
                    HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
                .build())
        .getHistory();
  }

  // ------------------------------------------------------------------ callbacks

  @Override
  public void sendTaskSuccess(String taskToken, String output) {
    TaskToken token = decode(taskToken);
    try {
      Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw new StatecraftClientException(
          Reason.INVALID_OUTPUT, "The output is not valid JSON: " + e.getMessage(), e);
    }
    update(token, TaskCallbacks.SEND_TASK_SUCCESS, new TaskSuccess(taskToken, output));
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    update(
        decode(taskToken),
        TaskCallbacks.SEND_TASK_FAILURE,
        new TaskFailure(taskToken, error, cause));
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    update(decode(taskToken), TaskCallbacks.SEND_TASK_HEARTBEAT, new TaskHeartbeat(taskToken));
  }

  private static TaskToken decode(String taskToken) {
    try {
      return TaskToken.decode(taskToken);
    } catch (IllegalArgumentException e) {
      throw new StatecraftClientException(Reason.INVALID_TOKEN, e.getMessage(), e);
    }
  }

  private void update(TaskToken token, String updateName, Object argument) {
    try {
      client.newUntypedWorkflowStub(token.workflowId()).update(updateName, Void.class, argument);
    } catch (WorkflowUpdateException e) {
      CallbackError error = FailureMapper.callbackError(e.getCause()).orElseThrow(() -> e);
      throw new StatecraftClientException(reason(error), FailureMapper.message(e.getCause()), e);
    } catch (WorkflowNotFoundException e) {
      throw closedOrMissing(token, e);
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw closedOrMissing(token, e);
      }
      throw e;
    }
  }

  /** NOT_FOUND from the service means no such workflow; anything else goes on as it was. */
  private static RuntimeException missingOr(String workflowId, StatusRuntimeException e) {
    if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
      return new StatecraftClientException(
          Reason.EXECUTION_DOES_NOT_EXIST,
          "No execution has the workflow id '" + workflowId + "'.",
          e);
    }
    return e;
  }

  /** A callback for a workflow that has ended is too late; one for no workflow names no task. */
  private StatecraftClientException closedOrMissing(TaskToken token, RuntimeException e) {
    return exists(token.workflowId())
        ? new StatecraftClientException(
            Reason.TASK_TIMED_OUT, "The execution of this task token has ended.", e)
        : new StatecraftClientException(
            Reason.TASK_DOES_NOT_EXIST, "No execution has the workflow this task token names.", e);
  }

  private static Reason reason(CallbackError error) {
    return switch (error) {
      case INVALID_TOKEN -> Reason.INVALID_TOKEN;
      case TASK_DOES_NOT_EXIST -> Reason.TASK_DOES_NOT_EXIST;
      case TASK_TIMED_OUT -> Reason.TASK_TIMED_OUT;
      case INVALID_OUTPUT -> Reason.INVALID_OUTPUT;
    };
  }
}
