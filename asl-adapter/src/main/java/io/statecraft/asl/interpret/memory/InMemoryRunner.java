package io.statecraft.asl.interpret.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.interpret.Branches;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.ExecutionStart;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.Interpreter;
import io.statecraft.asl.interpret.Ports;
import io.statecraft.asl.interpret.Snapshot;
import io.statecraft.asl.interpret.StateEvaluation;
import io.statecraft.asl.interpret.Suspension;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.port.Entropy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs state machines entirely in memory: tasks are Java lambdas ({@link TaskRegistry}), time is a
 * {@link VirtualClock} (waits take no real time), randomness is seeded, branches run one after
 * another, and the history is collected. For tests, and for TestState-style evaluation.
 */
public final class InMemoryRunner {

  /** Where the virtual clock starts unless told otherwise. */
  public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

  /** The account and region of the default identities. */
  public static final String ACCOUNT = "123456789012";

  public static final String REGION = "us-east-1";

  private final VirtualClock clock;
  private final TaskRegistry tasks;
  private Entropy entropy = new SeededEntropy(0);
  private Suspension suspension = Suspension.NEVER;
  private Branches branches;
  private boolean branchesViaSpecs;
  private Interpreter.Options options = Interpreter.Options.DEFAULTS;

  public InMemoryRunner() {
    this(new VirtualClock(DEFAULT_START));
  }

  public InMemoryRunner(VirtualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tasks = new TaskRegistry(clock);
  }

  public VirtualClock clock() {
    return clock;
  }

  /** Where to register task handlers. */
  public TaskRegistry tasks() {
    return tasks;
  }

  public InMemoryRunner entropy(Entropy newEntropy) {
    this.entropy = Objects.requireNonNull(newEntropy, "entropy");
    return this;
  }

  public InMemoryRunner suspension(Suspension newSuspension) {
    this.suspension = Objects.requireNonNull(newSuspension, "suspension");
    return this;
  }

  /** Uses these branches instead of {@link SequentialBranches#inProcess()}. */
  public InMemoryRunner branches(Branches newBranches) {
    this.branches = Objects.requireNonNull(newBranches, "branches");
    this.branchesViaSpecs = false;
    return this;
  }

  /**
   * Runs every branch from its serialisable description through {@link Interpreter#runBranch}, as
   * child workflows would, instead of through its in-process body.
   */
  public InMemoryRunner branchesViaSpecs() {
    this.branches = null;
    this.branchesViaSpecs = true;
    return this;
  }

  public InMemoryRunner options(Interpreter.Options newOptions) {
    this.options = Objects.requireNonNull(newOptions, "options");
    return this;
  }

  /** The outcome of a run and the events it recorded. */
  public record Run(ExecutionOutcome outcome, List<HistoryEvent> history) {}

  /** Starts an execution with a default identity, named after the state machine. */
  public Run start(StateMachine machine, JsonNode input) {
    return start(machine, executionStart("StateMachine", "execution", input, clock.now()));
  }

  public Run start(StateMachine machine, ExecutionStart start) {
    HistoryRecorder history = new HistoryRecorder();
    ExecutionOutcome outcome = interpreter(machine, history).start(machine, start);
    return new Run(outcome, history.events());
  }

  /** Continues a suspended execution, as a new run would after continue-as-new. */
  public Run resume(StateMachine machine, Snapshot snapshot) {
    HistoryRecorder history = new HistoryRecorder();
    ExecutionOutcome outcome = interpreter(machine, history).resume(machine, snapshot);
    return new Run(outcome, history.events());
  }

  /** TestState: evaluates one state on its own. */
  public StateEvaluation evaluate(State state, JsonNode input, Map<String, JsonNode> variables) {
    return interpreter(null, new HistoryRecorder())
        .evaluateState(
            state, input, variables, executionStart("StateMachine", "test", input, clock.now()));
  }

  /** The ports this runner uses, with {@code observer} receiving the history. */
  public Ports ports(StateMachine machine, io.statecraft.asl.interpret.Observer observer) {
    Branches b = branches;
    if (b == null) {
      if (branchesViaSpecs) {
        Interpreter[] self = new Interpreter[1];
        b = SequentialBranches.viaSpecs(spec -> self[0].runBranch(machine, spec));
        Ports ports = new Ports(tasks, clock, b, observer, clock, entropy, suspension);
        self[0] = new Interpreter(ports, options);
        return ports;
      }
      b = SequentialBranches.inProcess();
    }
    return new Ports(tasks, clock, b, observer, clock, entropy, suspension);
  }

  private Interpreter interpreter(StateMachine machine, HistoryRecorder history) {
    return new Interpreter(ports(machine, history), options);
  }

  /** An execution identity in AWS's ARN format. */
  public static ExecutionStart executionStart(
      String stateMachineName, String executionName, JsonNode input, Instant startTime) {
    String prefix = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":";
    return new ExecutionStart(
        new ContextObject.ExecutionInfo(
            prefix + "execution:" + stateMachineName + ":" + executionName,
            input,
            executionName,
            "arn:aws:iam::" + ACCOUNT + ":role/StatecraftExecutionRole",
            Timestamps.format(startTime),
            0),
        new ContextObject.StateMachineInfo(
            prefix + "stateMachine:" + stateMachineName, stateMachineName));
  }
}
