package io.statecraft.workflows.ports;

import io.statecraft.workflows.ExecutionWorkflow;
import io.statecraft.workflows.TaskCallbacks;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The child workflow that runs a batch of a large Map state's items (an inline Map above {@link
 * io.statecraft.workflows.HistoryLimits#inlineItemsInWorkflow()} items, and every Distributed Map),
 * each with {@code Interpreter.runBranch}. It answers task-token callbacks for the tasks it runs,
 * and the definition query for batches it starts itself (a large Map inside a large Map).
 */
@WorkflowInterface
public interface MapBatchWorkflow extends TaskCallbacks {

  /** The workflow type. */
  String WORKFLOW_TYPE = "StatecraftMapBatch";

  @WorkflowMethod(name = WORKFLOW_TYPE)
  MapBatchResult run(MapBatchRequest request);

  /** The definition the batch runs, JSON text. */
  @QueryMethod(name = ExecutionWorkflow.QUERY_DEFINITION)
  String definition();
}
