package io.statecraft.workflows.support;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;

/** Reads Temporal's own histories of a workflow id, run by run. */
public final class TemporalHistories {

  private final WorkflowServiceStubs stubs;
  private final String namespace;

  public TemporalHistories(WorkflowServiceStubs stubs, String namespace) {
    this.stubs = stubs;
    this.namespace = namespace;
  }

  /** The Temporal history of one run (or of the latest, when {@code runId} is null). */
  public History history(String workflowId, String runId) {
    WorkflowExecution.Builder execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId);
    if (runId != null) {
      execution.setRunId(runId);
    }
    History.Builder all = History.newBuilder();
    ByteString token = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse page =
          stubs
              .blockingStub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(execution)
                      .setNextPageToken(token)
                      .build());
      all.addAllEvents(page.getHistory().getEventsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all.build();
  }

  /** Every run of the workflow id, first to last, each with its Temporal history. */
  public List<History> runs(String workflowId) {
    History latest = history(workflowId, null);
    String runId =
        latest.getEvents(0).getWorkflowExecutionStartedEventAttributes().getFirstExecutionRunId();
    List<History> runs = new ArrayList<>();
    while (runId != null) {
      History run = history(workflowId, runId);
      runs.add(run);
      HistoryEvent last = run.getEvents(run.getEventsCount() - 1);
      runId =
          last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
              ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
              : null;
    }
    return runs;
  }

  /** The workflow ids of the child workflows a history started. */
  public static List<String> children(History history) {
    List<String> ids = new ArrayList<>();
    for (HistoryEvent e : history.getEventsList()) {
      if (e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
        ids.add(e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId());
      }
    }
    return ids;
  }

  /** The longest Temporal history among all runs of the workflow and of its child workflows. */
  public int longestHistory(String workflowId) {
    int longest = 0;
    for (History run : runs(workflowId)) {
      longest = Math.max(longest, run.getEventsCount());
      for (String child : children(run)) {
        longest = Math.max(longest, longestHistory(child));
      }
    }
    return longest;
  }
}
