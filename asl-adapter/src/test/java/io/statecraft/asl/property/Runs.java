package io.statecraft.asl.property;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.interpret.Branches;
import io.statecraft.asl.interpret.ExecutionAborted;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.Interpreter;
import io.statecraft.asl.interpret.Observer;
import io.statecraft.asl.interpret.Ports;
import io.statecraft.asl.interpret.Snapshot;
import io.statecraft.asl.interpret.Suspension;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.interpret.memory.SeededEntropy;
import io.statecraft.asl.interpret.memory.SequentialBranches;
import io.statecraft.asl.interpret.memory.TaskRegistry;
import io.statecraft.asl.interpret.memory.VirtualClock;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.port.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs a state machine in memory under a budget that ends every run, however it loops, with the
 * ways of running that must agree: native or interpreted retries, branches in process or from their
 * descriptions, one run or a run continued as new at every state.
 *
 * <p>Two budgets, both the interpreter's own means. {@link Budget#TICKING_CLOCK}: the execution's
 * {@code TimeoutSeconds}, capped at {@link #BUDGET_SECONDS}, on a virtual clock that also moves one
 * second each time the engine reads it; the engine reads the clock at least once per state it
 * enters, so a loop that never waits still reaches the deadline and ends in {@code States.Timeout}.
 * {@link Budget#EVENTS}: the clock moves only when something waits, and the execution is stopped
 * from outside ({@link ExecutionAborted}, as an operator's StopExecution) after {@link #MAX_EVENTS}
 * events; runs that must agree on timestamps use it.
 */
final class Runs {

  static final int BUDGET_SECONDS = 2_000;
  static final int MAX_EVENTS = 3_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  enum Budget {
    TICKING_CLOCK,
    EVENTS
  }

  /** How to run. */
  record Mode(Budget budget, boolean nativeRetries, boolean viaSpecs, boolean continueAsNew) {
    static final Mode DEFAULT = new Mode(Budget.TICKING_CLOCK, true, false, false);
  }

  /** An outcome, the history that led to it, what the tasks saw, and where time ended. */
  record Run(
      ExecutionOutcome outcome,
      List<HistoryEvent> history,
      List<String> attempts,
      java.time.Instant end,
      int runs) {}

  private Runs() {}

  static Run run(StateMachine machine, JsonNode input, long seed) {
    return run(machine, input, seed, Mode.DEFAULT);
  }

  static Run run(StateMachine machine, JsonNode input, long seed, Mode mode) {
    VirtualClock time = new VirtualClock(InMemoryRunner.DEFAULT_START);
    Clock clock =
        mode.budget() == Budget.TICKING_CLOCK
            ? () -> {
              time.advance(Duration.ofSeconds(1));
              return time.now();
            }
            : time;
    TaskRegistry tasks = new TaskRegistry(time);
    Tasks.register(tasks);
    List<HistoryEvent> history = new ArrayList<>();
    Observer observer = mode.budget() == Budget.EVENTS ? new Stopping(history) : history::add;
    SeededEntropy entropy = new SeededEntropy(seed);
    Interpreter.Options options = new Interpreter.Options(mode.nativeRetries());
    // Both budgets keep the execution's TimeoutSeconds capped: native retries and task work,
    // which record no events while they go on, end at it.
    int timeout = Math.min(machine.timeoutSeconds().orElse(BUDGET_SECONDS), BUDGET_SECONDS);
    StateMachine bounded =
        new StateMachine(
            machine.graph(),
            machine.queryLanguage(),
            machine.version(),
            OptionalInt.of(timeout),
            machine.source());
    Suspension suspension = mode.continueAsNew() ? next -> true : Suspension.NEVER;
    Interpreter interpreter =
        interpreter(bounded, tasks, time, observer, clock, entropy, suspension, options, mode);
    ExecutionOutcome outcome =
        interpreter.start(
            bounded, InMemoryRunner.executionStart("Generated", "run", input, time.now()));
    int runs = 1;
    while (outcome instanceof ExecutionOutcome.Suspended s) {
      runs++;
      outcome = interpreter.resume(bounded, throughJson(s.snapshot()));
    }
    return new Run(outcome, history, tasks.attempts(), time.now(), runs);
  }

  private static Interpreter interpreter(
      StateMachine machine,
      TaskRegistry tasks,
      VirtualClock time,
      Observer observer,
      Clock clock,
      SeededEntropy entropy,
      Suspension suspension,
      Interpreter.Options options,
      Mode mode) {
    if (!mode.viaSpecs()) {
      Ports ports =
          new Ports(
              tasks, time, SequentialBranches.inProcess(), observer, clock, entropy, suspension);
      return new Interpreter(ports, options);
    }
    Interpreter[] self = new Interpreter[1];
    Branches branches = SequentialBranches.viaSpecs(spec -> self[0].runBranch(machine, spec));
    Ports ports = new Ports(tasks, time, branches, observer, clock, entropy, suspension);
    self[0] = new Interpreter(ports, options);
    return self[0];
  }

  /** A snapshot crosses a Temporal boundary as JSON: it must survive that. */
  static Snapshot throughJson(Snapshot snapshot) {
    try {
      return JSON.readValue(JSON.writeValueAsString(snapshot), Snapshot.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError("a snapshot does not survive JSON: " + snapshot, e);
    }
  }

  /** Records the history and stops the execution, once, when it grows past the budget. */
  private static final class Stopping implements Observer {
    private final List<HistoryEvent> history;
    private boolean stopped;

    Stopping(List<HistoryEvent> history) {
      this.history = history;
    }

    @Override
    public void onEvent(HistoryEvent event) {
      history.add(event);
      if (!stopped && history.size() > MAX_EVENTS) {
        stopped = true;
        throw new ExecutionAborted(
            "Budget", "the run recorded more than " + MAX_EVENTS + " events");
      }
    }
  }
}
