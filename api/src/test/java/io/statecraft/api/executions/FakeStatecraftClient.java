package io.statecraft.api.executions;

import io.grpc.Status;
import io.statecraft.workflows.ExecutionProgress;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClientException;
import io.statecraft.workflows.StatecraftClientException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link StatecraftClient} over a map of workflows, for tests of the execution service: it can be
 * made unreachable, and records the requests it was given.
 */
final class FakeStatecraftClient implements StatecraftClient {

  static final class Workflow {
    final ExecutionRequest request;
    final String runId;
    ExecutionStatus status = ExecutionStatus.RUNNING;
    Instant closeTime;
    String output;
    String error;
    String cause;

    Workflow(ExecutionRequest request, String runId) {
      this.request = request;
      this.runId = runId;
    }
  }

  final Map<String, Workflow> workflows = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  boolean unreachable;
  Reason callbackRefusal;

  private void reach() {
    if (unreachable) {
      throw Status.UNAVAILABLE.withDescription("fake Temporal is down").asRuntimeException();
    }
  }

  private Workflow find(String workflowId) {
    Workflow w = workflows.get(workflowId);
    if (w == null) {
      throw new StatecraftClientException(
          Reason.EXECUTION_DOES_NOT_EXIST, "No execution has the workflow id '" + workflowId + "'");
    }
    return w;
  }

  /** Ends a workflow as the engine would. */
  void end(String workflowId, ExecutionStatus status, String output, String error, String cause) {
    Workflow w = find(workflowId);
    w.status = status;
    w.closeTime = Instant.parse("2026-01-01T00:00:10Z");
    w.output = output;
    w.error = error;
    w.cause = cause;
  }

  @Override
  public StartedExecution start(ExecutionRequest request) {
    reach();
    calls.add("start " + request.workflowId());
    Workflow existing = workflows.get(request.workflowId());
    if (existing != null) {
      if (existing.status.closed()) {
        throw new StatecraftClientException(Reason.EXECUTION_ALREADY_EXISTS, "already ran");
      }
      return new StartedExecution(request.workflowId(), existing.runId, true);
    }
    Workflow w = new Workflow(request, "run-" + (workflows.size() + 1));
    workflows.put(request.workflowId(), w);
    return new StartedExecution(request.workflowId(), w.runId, false);
  }

  @Override
  public ExecutionDescription describe(String workflowId) {
    reach();
    Workflow w = find(workflowId);
    return new ExecutionDescription(
        workflowId, w.runId, w.runId, w.status, w.closeTime, w.output, w.error, w.cause);
  }

  @Override
  public ExecutionDescription awaitClose(String workflowId, Duration timeout) {
    ExecutionDescription d = describe(workflowId);
    if (!d.status().closed()) {
      throw new StatecraftClientException(Reason.STILL_RUNNING, "still running");
    }
    return d;
  }

  @Override
  public ExecutionProgress progress(String workflowId) {
    reach();
    Workflow w = find(workflowId);
    return new ExecutionProgress(
        w.status,
        w.status.closed() ? List.of() : List.of("Working"),
        w.runId,
        null,
        1,
        1,
        3,
        false,
        null);
  }

  @Override
  public HistoryPage history(
      String workflowId, String nextToken, int maxResults, boolean reverseOrder) {
    reach();
    find(workflowId);
    if (nextToken != null) {
      throw new StatecraftClientException(
          Reason.INVALID_TOKEN, "Invalid Token: '" + nextToken + "'");
    }
    return new HistoryPage(List.of(), null);
  }

  @Override
  public void stop(String workflowId, String error, String cause) {
    reach();
    calls.add("stop " + workflowId + " " + error + " " + cause);
    Workflow w = find(workflowId);
    if (!w.status.closed()) {
      end(workflowId, ExecutionStatus.ABORTED, null, error, cause);
    }
  }

  private void callback(String what) {
    reach();
    calls.add(what);
    if (callbackRefusal != null) {
      throw new StatecraftClientException(callbackRefusal, "refused: " + callbackRefusal);
    }
  }

  @Override
  public void sendTaskSuccess(String taskToken, String output) {
    callback("success " + taskToken + " " + output);
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    callback("failure " + taskToken + " " + error + " " + cause);
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    callback("heartbeat " + taskToken);
  }
}
