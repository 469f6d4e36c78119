package io.statecraft.workflows.ports;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.interpret.BranchOutcome;
import io.statecraft.asl.interpret.BranchSpec;
import io.statecraft.asl.interpret.FailureTolerance;
import io.statecraft.workflows.HistoryLimits;
import java.util.List;
import java.util.Objects;

/**
 * The input of a {@link MapBatchWorkflow}.
 *
 * <p>The definition is not in it: the batch loads it by hash from the workflow that started it (its
 * {@code definition} query), so a Map state of many batches does not copy the definition into its
 * parent's history once per batch. The items share one {@code template} spec; each item brings only
 * what differs.
 *
 * @param parentWorkflowId the workflow that started this batch, which answers for the definition
 * @param definitionSha256 the hash the loaded definition must have
 * @param stateMachineName the execution's state machine, for metrics
 * @param executionArn the execution, for the tasks it runs
 * @param template the spec the items share (kind, state, graph, outer variables, visit base,
 *     deadline, and the context of inline items)
 * @param items the items, in index order
 * @param concurrency how many items run at once
 * @param tolerance when this batch's own failures stop it
 * @param totalItems how many items the whole Map state has (for a tolerated percentage)
 * @param eventBudget how many history events the batch may return for the parent's history; 0
 *     returns none
 * @param limits the parent run's history limits
 * @param run this batch's run number, from 1
 * @param done the outcomes of the items an earlier run of this batch finished, in item order
 */
public record MapBatchRequest(
    String parentWorkflowId,
    String definitionSha256,
    String stateMachineName,
    String executionArn,
    BranchSpec template,
    List<Item> items,
    int concurrency,
    FailureTolerance tolerance,
    int totalItems,
    int eventBudget,
    HistoryLimits limits,
    int run,
    List<BranchOutcome> done) {

  /**
   * One item.
   *
   * @param index the item's index in the Map state
   * @param scopePath its scope, {@code Items[7]}
   * @param input its input
   * @param context its context object when it differs from the template's (a Distributed Map's
   *     child execution), else {@code null}
   */
  public record Item(int index, String scopePath, JsonNode input, ContextObject context) {}

  public MapBatchRequest {
    Objects.requireNonNull(parentWorkflowId, "parentWorkflowId");
    Objects.requireNonNull(definitionSha256, "definitionSha256");
    Objects.requireNonNull(template, "template");
    items = List.copyOf(items);
    done = List.copyOf(done);
  }

  /** The spec of item {@code i} of this batch. */
  public BranchSpec spec(int i) {
    Item item = items.get(i);
    return new BranchSpec(
        template.kind(),
        template.stateName(),
        template.graphPointer(),
        item.index(),
        item.scopePath(),
        item.input(),
        item.context() == null ? template.context() : item.context(),
        template.outerVariables(),
        template.visitBase(),
        template.executionDeadline());
  }

  /** The same batch continued in a new run, with these items done. */
  public MapBatchRequest continued(List<BranchOutcome> outcomes, int remainingBudget) {
    return new MapBatchRequest(
        parentWorkflowId,
        definitionSha256,
        stateMachineName,
        executionArn,
        template,
        items,
        concurrency,
        tolerance,
        totalItems,
        remainingBudget,
        limits,
        run + 1,
        outcomes);
  }
}
