package io.statecraft.asl.interpret.memory;

import io.statecraft.asl.interpret.Branch;
import io.statecraft.asl.interpret.BranchOutcome;
import io.statecraft.asl.interpret.BranchSpec;
import io.statecraft.asl.interpret.Branches;
import io.statecraft.asl.interpret.FanOut;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs branches one after another, in index order, in this thread. After a failure that the
 * fan-out's tolerance does not allow, the remaining branches are not started ({@link
 * BranchOutcome.Status#CANCELLED}).
 *
 * <p>By default each branch runs through its in-process body. {@link #viaSpecs} instead runs the
 * serialisable {@link BranchSpec} through a function, as a child workflow would, which lets tests
 * prove that both ways give the same results and the same history.
 */
public final class SequentialBranches implements Branches {

  private final Function<BranchSpec, BranchOutcome> remote;

  private SequentialBranches(Function<BranchSpec, BranchOutcome> remote) {
    this.remote = remote;
  }

  /** Runs each branch's in-process body. */
  public static SequentialBranches inProcess() {
    return new SequentialBranches(null);
  }

  /** Runs each branch from its description through {@code runner}. */
  public static SequentialBranches viaSpecs(Function<BranchSpec, BranchOutcome> runner) {
    return new SequentialBranches(runner);
  }

  @Override
  public List<BranchOutcome> run(FanOut fanOut) {
    List<BranchOutcome> outcomes = new ArrayList<>(fanOut.branches().size());
    int failed = 0;
    int total = fanOut.branches().size();
    for (Branch branch : fanOut.branches()) {
      if (fanOut.tolerance().exceeded(failed, total)) {
        outcomes.add(BranchOutcome.cancelled());
        continue;
      }
      BranchOutcome outcome = remote == null ? branch.body().run() : remote.apply(branch.spec());
      if (outcome.status() == BranchOutcome.Status.FAILED) {
        failed++;
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }
}
