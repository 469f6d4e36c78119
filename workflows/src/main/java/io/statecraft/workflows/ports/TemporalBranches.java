package io.statecraft.workflows.ports;

import io.statecraft.asl.error.AslError;
import io.statecraft.asl.interpret.Branch;
import io.statecraft.asl.interpret.BranchOutcome;
import io.statecraft.asl.interpret.BranchSpec;
import io.statecraft.asl.interpret.Branches;
import io.statecraft.asl.interpret.ExecutionAborted;
import io.statecraft.asl.interpret.FailureTolerance;
import io.statecraft.asl.interpret.FanOut;
import io.statecraft.asl.interpret.FanOutKind;
import io.statecraft.workflows.HistoryLimits;
import io.statecraft.workflows.WorkflowIds;
import io.statecraft.workflows.failure.FailureMapper;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Branches port on Temporal.
 *
 * <ul>
 *   <li>Parallel branches, and the items of an inline Map with at most {@link
 *       HistoryLimits#inlineItemsInWorkflow()} items, run in this workflow, each on a workflow
 *       thread ({@code Async.function}) of its own cancellation scope, started in order with at
 *       most MaxConcurrency at once.
 *   <li>Larger inline Maps and every Distributed Map run in child workflows ({@link
 *       MapBatchWorkflow}), many items to a child, so the parent's history grows by a few events
 *       per batch rather than by every item's events. Batch ids derive from this workflow's id, run
 *       and fan-out number ({@link WorkflowIds#batch}).
 *   <li>Once the failures exceed the fan-out's tolerance, nothing more starts and the running
 *       branches are cancelled ({@code CANCELLED} outcomes).
 *   <li>When the execution is stopped, every branch records its abort, and the port then throws the
 *       stop on the parent's thread.
 * </ul>
 */
public final class TemporalBranches implements Branches {

  private final RunContext ctx;
  private final String definitionSha256;

  public TemporalBranches(RunContext ctx, String definitionSha256) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.definitionSha256 = Objects.requireNonNull(definitionSha256, "definitionSha256");
  }

  @Override
  public List<BranchOutcome> run(FanOut fanOut) {
    int n = fanOut.branches().size();
    if (n == 0) {
      return List.of();
    }
    String scope = parentScope(fanOut.branches().get(0).spec());
    long blocked = ctx.blocked(scope, fanOut.stateName());
    try {
      boolean inWorkflow =
          fanOut.kind() == FanOutKind.PARALLEL
              || (fanOut.kind() == FanOutKind.INLINE_MAP
                  && n <= ctx.limits().inlineItemsInWorkflow());
      return inWorkflow ? inWorkflow(fanOut) : inBatches(fanOut);
    } finally {
      ctx.unblocked(blocked);
    }
  }

  /** The scope of the fan-out state itself: its branches' scope without the last segment. */
  private static String parentScope(BranchSpec spec) {
    String path = spec.scopePath();
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  // ------------------------------------------------------------------ in this workflow

  private List<BranchOutcome> inWorkflow(FanOut fanOut) {
    List<Branch> branches = fanOut.branches();
    int n = branches.size();
    int limit = fanOut.maxConcurrency() == 0 ? n : Math.min(fanOut.maxConcurrency(), n);
    Runs runs = new Runs(n, fanOut.tolerance());
    RuntimeException interrupted = null;
    try {
      for (int i = 0; i < n; i++) {
        Workflow.await(() -> runs.running < limit || runs.exceeded());
        if (runs.exceeded()) {
          break;
        }
        int index = i;
        runs.start(
            index,
            () ->
                Async.function(() -> branches.get(index).body().run()).handle(runs.record(index)));
      }
      Workflow.await(runs::allDoneOrExceeded);
    } catch (RuntimeException e) {
      if (!FailureMapper.isCancellation(e)) {
        throw e;
      }
      interrupted = e;
    }
    return runs.finish(interrupted);
  }

  // ------------------------------------------------------------------ in child workflows

  private List<BranchOutcome> inBatches(FanOut fanOut) {
    HistoryLimits limits = ctx.limits();
    List<Branch> branches = fanOut.branches();
    int n = branches.size();
    int batchSize =
        Math.max(
            limits.itemsPerBatch(),
            (n + limits.maxBatchesPerMap() - 1) / limits.maxBatchesPerMap());
    int perChild;
    int maxRunning;
    if (fanOut.maxConcurrency() == 0) {
      perChild = batchSize;
      maxRunning = limits.maxRunningBatches();
    } else {
      perChild = Math.min(fanOut.maxConcurrency(), batchSize);
      maxRunning =
          Math.max(1, Math.min(limits.maxRunningBatches(), fanOut.maxConcurrency() / perChild));
    }
    int batches = (n + batchSize - 1) / batchSize;
    int fanOutNumber = ctx.nextFanOut();
    int budget =
        fanOut.kind() == FanOutKind.INLINE_MAP ? limits.maxBranchEventsInHistory() / batches : 0;
    BranchSpec template = branches.get(0).spec();
    String queue = Workflow.getInfo().getTaskQueue();

    Runs runs = new Runs(n, fanOut.tolerance());
    int[] batchRunning = {0};
    RuntimeException interrupted = null;
    try {
      for (int b = 0; b < batches; b++) {
        Workflow.await(() -> batchRunning[0] < maxRunning || runs.exceeded());
        if (runs.exceeded()) {
          break;
        }
        int from = b * batchSize;
        int to = Math.min(n, from + batchSize);
        List<MapBatchRequest.Item> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          BranchSpec spec = branches.get(i).spec();
          items.add(
              new MapBatchRequest.Item(
                  spec.index(),
                  spec.scopePath(),
                  spec.input(),
                  spec.context().equals(template.context()) ? null : spec.context()));
        }
        MapBatchRequest request =
            new MapBatchRequest(
                ctx.workflowId(),
                definitionSha256,
                ctx.stateMachineName(),
                ctx.executionArn(),
                template,
                items,
                perChild,
                fanOut.tolerance(),
                n,
                budget,
                limits,
                1,
                List.of());
        MapBatchWorkflow child =
            Workflow.newChildWorkflowStub(
                MapBatchWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                    .setWorkflowId(
                        WorkflowIds.batch(
                            ctx.workflowId(), ctx.run(), fanOutNumber, fanOut.stateName(), b))
                    .setTaskQueue(queue)
                    .setCancellationType(ChildWorkflowCancellationType.TRY_CANCEL)
                    .setStaticSummary(fanOut.stateName() + " items " + from + " to " + (to - 1))
                    .build());
        int first = from;
        int count = to - from;
        batchRunning[0]++;
        runs.startBatch(
            first,
            count,
            () ->
                Async.function(child::run, request)
                    .handle(
                        (result, failure) -> {
                          batchRunning[0]--;
                          runs.recordBatch(first, count, result, failure);
                          return null;
                        }));
      }
      Workflow.await(runs::allDoneOrExceeded);
    } catch (RuntimeException e) {
      if (!FailureMapper.isCancellation(e)) {
        throw e;
      }
      interrupted = e;
    }
    return runs.finish(interrupted);
  }

  // ------------------------------------------------------------------ bookkeeping

  /** The outcomes of one fan-out as its branches end, in branch order. */
  private final class Runs {
    final int n;
    final FailureTolerance tolerance;
    final BranchOutcome[] outcomes;
    final RuntimeException[] errors;
    final List<CancellationScope> scopes = new ArrayList<>();
    int running;
    int started;
    int finished;
    int failed;

    Runs(int n, FailureTolerance tolerance) {
      this.n = n;
      this.tolerance = tolerance;
      this.outcomes = new BranchOutcome[n];
      this.errors = new RuntimeException[n];
    }

    boolean exceeded() {
      return tolerance.exceeded(failed, n);
    }

    boolean allDoneOrExceeded() {
      return (finished == started && started > 0) || exceeded();
    }

    void start(int index, Runnable launch) {
      running++;
      started++;
      CancellationScope scope = Workflow.newCancellationScope(launch);
      scopes.add(scope);
      scope.run();
    }

    io.temporal.workflow.Functions.Func2<BranchOutcome, RuntimeException, Void> record(int index) {
      return (outcome, failure) -> {
        running--;
        finished++;
        if (failure != null) {
          errors[index] = failure;
        } else {
          outcomes[index] = outcome;
          if (outcome.status() == BranchOutcome.Status.FAILED) {
            failed++;
          }
        }
        return null;
      };
    }

    void startBatch(int first, int count, Runnable launch) {
      running += count;
      started += count;
      CancellationScope scope = Workflow.newCancellationScope(launch);
      scopes.add(scope);
      scope.run();
    }

    void recordBatch(int first, int count, MapBatchResult result, RuntimeException failure) {
      running -= count;
      finished += count;
      for (int i = 0; i < count; i++) {
        if (failure == null && result != null && i < result.outcomes().size()) {
          BranchOutcome outcome = result.outcomes().get(i);
          outcomes[first + i] = outcome;
          if (outcome.status() == BranchOutcome.Status.FAILED) {
            failed++;
          }
        } else if (failure != null && !FailureMapper.isCancellation(failure)) {
          // The batch itself failed (terminated, timed out): each of its items fails with that.
          AslError error = FailureMapper.toAslError(failure);
          outcomes[first + i] =
              new BranchOutcome(
                  BranchOutcome.Status.FAILED, null, error.error(), error.cause(), List.of(), 0, 0);
          failed++;
        } else {
          errors[first + i] = failure;
        }
      }
    }

    /**
     * Cancels what still runs when the tolerance is exceeded, waits for every started branch to end
     * (even while the execution is being stopped), and returns the outcomes.
     */
    List<BranchOutcome> finish(RuntimeException interrupted) {
      if (exceeded() || interrupted != null) {
        for (CancellationScope scope : scopes) {
          scope.cancel();
        }
      }
      // Detached: the branches' abort events are recorded even when this workflow is cancelled.
      Workflow.newDetachedCancellationScope(() -> Workflow.await(() -> finished == started)).run();
      boolean aborted = interrupted != null && ctx.stopping();
      List<BranchOutcome> result = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (outcomes[i] != null) {
          result.add(outcomes[i]);
          continue;
        }
        RuntimeException error = errors[i];
        if (error instanceof ExecutionAborted) {
          aborted = true;
        } else if (error != null && !FailureMapper.isCancellation(error)) {
          throw error;
        }
        result.add(BranchOutcome.cancelled());
      }
      if (aborted || ctx.stopping()) {
        throw ctx.aborted();
      }
      if (interrupted != null) {
        throw interrupted;
      }
      return result;
    }
  }
}
