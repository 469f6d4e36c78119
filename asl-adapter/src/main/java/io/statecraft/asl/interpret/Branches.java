package io.statecraft.asl.interpret;

import java.util.List;

/**
 * Port: runs the branches of a Parallel state or the iterations of a Map state.
 *
 * <p>Each {@link Branch} comes two ways: an in-process {@link BranchBody} that runs the sub-graph
 * through this same core, and a serialisable {@link BranchSpec} from which a child workflow can run
 * it with {@link Interpreter#runBranch}. The port picks, per fan-out, and must:
 *
 * <ul>
 *   <li>run every branch at most once, starting them in index order, with at most {@link
 *       FanOut#maxConcurrency()} running at a time (0: no limit);
 *   <li>stop as soon as {@link FanOut#tolerance()} says the failures are too many: start no more
 *       branches and cancel the running ones (AWS: "If any branch fails … the entire Parallel state
 *       fails and all branches that are still running are stopped");
 *   <li>return one outcome per branch, in branch order: the body's or child's outcome, or {@link
 *       BranchOutcome.Status#CANCELLED} for a branch that was not started or was stopped.
 * </ul>
 *
 * A body reports ASL failures in its outcome; any exception it throws (for example a Temporal
 * cancellation) is not an ASL failure and the port treats that branch as cancelled, or lets the
 * exception end the execution when it is the execution itself that is being cancelled.
 */
public interface Branches {

  List<BranchOutcome> run(FanOut fanOut);
}
