package io.statecraft.workflows;

/**
 * The thresholds that keep every Temporal workflow history bounded (Temporal caps a history at
 * 51,200 events and 50 MB and advises staying far below; Statecraft aims at 10,000 events).
 *
 * <p>An execution records each run's limits when the run starts, so a worker with other limits
 * replays a run exactly as it ran; new limits apply from the next run on.
 *
 * @param continueAfterHistoryEvents at a top-level state boundary, a run whose Temporal history has
 *     at least this many events continues as a new run (the test server never suggests
 *     continue-as-new, so this is decided from {@code Workflow.getInfo().getHistoryLength()}, as is
 *     Temporal's own suggestion when it comes); the same limit makes a child batch workflow
 *     continue between items
 * @param continueAfterExecutionEvents a run that holds at least this many Step Functions history
 *     events continues at the next top-level state boundary; Pass and Choice loops add none to the
 *     Temporal history but two events per state to the execution's
 * @param inlineItemsInWorkflow an inline Map state with at most this many items runs them in the
 *     execution's own workflow (as Parallel branches always run); with more, in child workflows
 * @param itemsPerBatch how many items one child workflow runs at least; a Map state with more items
 *     than {@code itemsPerBatch × maxBatchesPerMap} gets bigger batches
 * @param maxBatchesPerMap the most child workflows one Map state starts, which bounds what it adds
 *     to its parent's history (about four events per child)
 * @param maxRunningBatches the most child workflows of one Map state running at once
 * @param maxBranchEventsInHistory the most events of an inline Map state's child workflows spliced
 *     into the execution's history; AWS fails an execution at 25,000 history events, while
 *     Statecraft completes it and leaves out the events of whole iterations beyond this number
 */
public record HistoryLimits(
    int continueAfterHistoryEvents,
    int continueAfterExecutionEvents,
    int inlineItemsInWorkflow,
    int itemsPerBatch,
    int maxBatchesPerMap,
    int maxRunningBatches,
    int maxBranchEventsInHistory) {

  /** The defaults: 5,000, 5,000, 40, 100, 500, 20 and 25,000. */
  public static final HistoryLimits DEFAULTS =
      new HistoryLimits(5_000, 5_000, 40, 100, 500, 20, 25_000);

  public HistoryLimits {
    positive(continueAfterHistoryEvents, "continueAfterHistoryEvents");
    positive(continueAfterExecutionEvents, "continueAfterExecutionEvents");
    if (inlineItemsInWorkflow < 0) {
      throw new IllegalArgumentException(
          "inlineItemsInWorkflow must be 0 or more, was " + inlineItemsInWorkflow);
    }
    positive(itemsPerBatch, "itemsPerBatch");
    positive(maxBatchesPerMap, "maxBatchesPerMap");
    positive(maxRunningBatches, "maxRunningBatches");
    if (maxBranchEventsInHistory < 0) {
      throw new IllegalArgumentException(
          "maxBranchEventsInHistory must be 0 or more, was " + maxBranchEventsInHistory);
    }
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
    }
  }
}
