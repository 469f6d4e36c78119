package io.statecraft.workflows.ports;

import io.statecraft.asl.interpret.BranchOutcome;
import java.util.List;

/**
 * What a {@link MapBatchWorkflow} returns: one outcome per item, in item order. Events are returned
 * only for inline Map items, within the batch's event budget; the items beyond it, and every
 * Distributed Map item (AWS keeps child executions' events out of the parent's history), come back
 * without events.
 */
public record MapBatchResult(List<BranchOutcome> outcomes) {
  public MapBatchResult {
    outcomes = List.copyOf(outcomes);
  }
}
