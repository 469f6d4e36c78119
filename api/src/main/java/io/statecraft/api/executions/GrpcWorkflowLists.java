package io.statecraft.api.executions;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.statecraft.workflows.ExecutionWorkflow;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WorkflowLists} over Temporal's workflow service. Whether the server has visibility is
 * found out once, by asking: the test server answers {@code ListWorkflowExecutions} with {@code
 * UNIMPLEMENTED}.
 */
final class GrpcWorkflowLists implements WorkflowLists {

  private static final Logger log = LoggerFactory.getLogger(GrpcWorkflowLists.class);

  static final String TYPE_QUERY = "WorkflowType = '" + ExecutionWorkflow.WORKFLOW_TYPE + "'";

  private static final int PAGE = 500;

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private volatile Boolean visibility;

  GrpcWorkflowLists(WorkflowServiceStubs stubs, String namespace) {
    this.stubs = stubs;
    this.namespace = namespace;
  }

  @Override
  public boolean visibility() {
    Boolean known = visibility;
    if (known != null) {
      return known;
    }
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .listWorkflowExecutions(
              ListWorkflowExecutionsRequest.newBuilder()
                  .setNamespace(namespace)
                  .setPageSize(1)
                  .setQuery(TYPE_QUERY)
                  .build());
      visibility = true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      visibility = false;
    }
    log.info(
        "Execution statuses are reconciled from Temporal with {}",
        visibility ? "visibility queries" : "the list of open workflows (no visibility queries)");
    return visibility;
  }

  @Override
  public List<String> closedSince(Instant since) {
    String query = query(since);
    List<String> ids = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse page =
          stubs
              .blockingStub()
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setPageSize(PAGE)
                      .setQuery(query)
                      .setNextPageToken(token)
                      .build());
      for (WorkflowExecutionInfo info : page.getExecutionsList()) {
        ids.add(info.getExecution().getWorkflowId());
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return ids;
  }

  /** The visibility query of execution workflows that ended at or after {@code since}. */
  static String query(Instant since) {
    String query = TYPE_QUERY + " AND ExecutionStatus != 'Running'";
    return since == null
        ? query
        : query + " AND CloseTime >= '" + DateTimeFormatter.ISO_INSTANT.format(since) + "'";
  }

  @Override
  public Set<String> open() {
    Set<String> open = new HashSet<>();
    ByteString token = ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse page =
          stubs
              .blockingStub()
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .listOpenWorkflowExecutions(
                  ListOpenWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setMaximumPageSize(1000)
                      .setNextPageToken(token)
                      .build());
      for (WorkflowExecutionInfo info : page.getExecutionsList()) {
        // The test server ignores filters: keep the execution workflows only.
        if (info.getType().getName().equals(ExecutionWorkflow.WORKFLOW_TYPE)) {
          open.add(info.getExecution().getWorkflowId());
        }
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return open;
  }
}
