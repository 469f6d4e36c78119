package io.statecraft.bench.statecost;

import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.StateEvaluation;
import io.statecraft.bench.statecost.StateCostFixture.Subject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmarks of {@code state_cost}: one state of each kind through the interpreter core.
 * Options (mode, forks, iterations) come from the runner, not from annotations.
 */
@State(Scope.Benchmark)
public class StateCostBenchmark {

  private StateCostFixture fixture;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = StateCostFixture.load();
    fixture.verify();
  }

  @Benchmark
  public StateEvaluation pass() {
    return fixture.evaluate(Subject.PASS);
  }

  @Benchmark
  public StateEvaluation choice() {
    return fixture.evaluate(Subject.CHOICE);
  }

  @Benchmark
  public StateEvaluation jsonpathTask() {
    return fixture.evaluate(Subject.JSONPATH_TASK);
  }

  @Benchmark
  public StateEvaluation jsonataTask() {
    return fixture.evaluate(Subject.JSONATA_TASK);
  }

  /** Whole executions of ten Pass states; JMH divides each time by ten. */
  @Benchmark
  @OperationsPerInvocation(StateCostFixture.CHAIN_LENGTH)
  public ExecutionOutcome passInExecution() {
    return fixture.runPassChain();
  }
}
