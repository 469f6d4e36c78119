package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.dataflow.VariableScope;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.model.state.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The interpreter core: runs a whole state machine over {@link Ports}.
 *
 * <p>It is a plain blocking loop, made to run inside a Temporal workflow thread: every effect
 * (tasks, waits, time, randomness, concurrency, history) goes through a port, and nothing it does
 * depends on a wall clock, a {@code Random}, the iteration order of an unordered collection or
 * static mutable state. The same core runs in memory ({@code interpret.memory}) and on Temporal.
 *
 * <p>Three entry points:
 *
 * <ul>
 *   <li>{@link #start} runs a new execution from its first state;
 *   <li>{@link #resume} continues a suspended execution in a new run (continue-as-new);
 *   <li>{@link #runBranch} runs one Parallel branch or Map iteration described by a {@link
 *       BranchSpec}, for a child workflow.
 * </ul>
 */
public final class Interpreter {

  private final Ports ports;
  private final Options options;

  /**
   * Choices about how the core uses its ports.
   *
   * @param nativeRetries whether the core hands a {@link NativeRetryPolicy} to the Tasks port where
   *     one expresses a state's retriers exactly; when false the core runs every retry itself
   */
  public record Options(boolean nativeRetries) {
    public static final Options DEFAULTS = new Options(true);
  }

  public Interpreter(Ports ports) {
    this(ports, Options.DEFAULTS);
  }

  public Interpreter(Ports ports, Options options) {
    this.ports = Objects.requireNonNull(ports, "ports");
    this.options = Objects.requireNonNull(options, "options");
  }

  private Engine engine(
      StateMachine machine,
      Ports enginePorts,
      EventLog log,
      java.util.NavigableMap<String, Integer> visits,
      Instant deadline,
      ContextObject base) {
    Engine engine = new Engine(machine, enginePorts, log, visits, deadline, base);
    engine.nativeRetries = options.nativeRetries();
    return engine;
  }

  /**
   * Runs a new execution: records {@code ExecutionStarted}, runs the states from {@code StartAt},
   * and records how the execution ended.
   */
  public ExecutionOutcome start(StateMachine machine, ExecutionStart start) {
    ContextObject base = ContextObject.of(start.execution(), start.stateMachine());
    EventLog log = new EventLog(ports.observer(), ports.clock(), 1);
    Cursor cursor = new Cursor(0);
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.set("input", start.execution().input());
    if (start.execution().roleArn() != null) {
      details.put("roleArn", start.execution().roleArn());
    }
    // ExecutionStarted does not become the source: the first state's entry follows from 0.
    log.publish(cursor, HistoryEventType.ExecutionStarted, details, false);
    Instant deadline = null;
    if (machine.timeoutSeconds().isPresent()) {
      Instant started =
          Timestamps.parse(start.execution().startTime())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the execution start time is not a timestamp: "
                              + start.execution().startTime()));
      deadline = started.plusSeconds(machine.timeoutSeconds().getAsInt());
    }
    Engine engine = engine(machine, ports, log, new TreeMap<>(), deadline, base);
    Engine.Scope scope =
        new Engine.Scope(machine.graph(), "", "", VariableScope.empty(), cursor, true);
    return run(engine, scope, machine.graph().startAt(), start.execution().input(), 0);
  }

  /**
   * Continues an execution from a {@link Snapshot} taken by an earlier run: the same variables,
   * context object, event numbering and visit counters, so the behaviour is identical to an
   * uninterrupted run.
   */
  public ExecutionOutcome resume(StateMachine machine, Snapshot snapshot) {
    ContextObject base = ContextObject.of(snapshot.execution(), snapshot.stateMachine());
    EventLog log = new EventLog(ports.observer(), ports.clock(), snapshot.nextEventId());
    Cursor cursor = new Cursor(snapshot.eventSource());
    Instant deadline =
        snapshot.executionDeadline() == null
            ? null
            : Timestamps.parse(snapshot.executionDeadline()).orElseThrow();
    Engine engine = engine(machine, ports, log, new TreeMap<>(snapshot.visits()), deadline, base);
    Engine.Scope scope =
        new Engine.Scope(
            machine.graph(),
            "",
            "",
            VariableScope.of(Map.of(), snapshot.variables()),
            cursor,
            true);
    return run(engine, scope, snapshot.nextState(), snapshot.input(), snapshot.runs());
  }

  /**
   * Runs one branch or iteration described by {@code spec}, as a child workflow does. Its events
   * are numbered from 1 and returned in the outcome for the parent to splice into its history; an
   * inline Map iteration's events include its {@code MapIterationStarted} and {@code
   * MapIterationSucceeded}/{@code MapIterationFailed}.
   */
  public BranchOutcome runBranch(StateMachine machine, BranchSpec spec) {
    List<HistoryEvent> events = new ArrayList<>();
    Ports local = ports.withObserver(events::add);
    EventLog log = new EventLog(events::add, ports.clock(), 1);
    TreeMap<String, Integer> visits = new TreeMap<>();
    Instant deadline =
        spec.executionDeadline() == null
            ? null
            : Timestamps.parse(spec.executionDeadline()).orElseThrow();
    Engine engine = engine(machine, local, log, visits, deadline, spec.context());
    Graph graph = GraphPointers.resolve(machine, spec.graphPointer());
    Cursor cursor = new Cursor(0);
    VariableScope vars = VariableScope.of(spec.outerVariables(), new LinkedHashMap<>());
    Engine.Scope scope =
        new Engine.Scope(
            graph, spec.graphPointer(), spec.scopePath(), vars, cursor, false, spec.visitBase());
    Engine.GraphEnd end;
    if (spec.kind() == FanOutKind.INLINE_MAP) {
      ObjectNode details = JsonNodeFactory.instance.objectNode();
      details.put("name", spec.stateName());
      details.put("index", spec.index());
      log.publish(cursor, HistoryEventType.MapIterationStarted, details, true);
      end = engine.runGraph(scope, graph.startAt(), spec.input(), 0);
      log.publish(
          cursor,
          end instanceof Engine.Done
              ? HistoryEventType.MapIterationSucceeded
              : HistoryEventType.MapIterationFailed,
          details.deepCopy(),
          false);
    } else {
      end = engine.runGraph(scope, graph.startAt(), spec.input(), 0);
    }
    BranchOutcome outcome = Engine.outcome(end);
    return new BranchOutcome(
        outcome.status(),
        outcome.output(),
        outcome.error(),
        outcome.cause(),
        events,
        cursor.source,
        engine.maxVisitUnder(spec.scopePath()));
  }

  /**
   * Evaluates one state on its own (the TestState action): runs it on {@code input} with the given
   * variables and context, and stops before the state it goes to next. Retries are not run: a
   * failure that a retrier would retry is reported as {@link StateEvaluation.Status#RETRIABLE}.
   *
   * @param state the state, read from a one-state definition
   * @param input the state input
   * @param variables the variables visible to the state
   * @param start the execution identity and state machine the context object shows
   */
  public StateEvaluation evaluateState(
      State state, JsonNode input, Map<String, JsonNode> variables, ExecutionStart start) {
    List<HistoryEvent> events = new ArrayList<>();
    EventLog log = new EventLog(events::add, ports.clock(), 1);
    Graph graph = new Graph(null, state.name(), Map.of(state.name(), state));
    StateMachine machine =
        new StateMachine(
            graph,
            state.queryLanguage(),
            null,
            java.util.OptionalInt.empty(),
            JsonNodeFactory.instance.objectNode());
    Engine engine =
        engine(
            machine,
            ports.withObserver(events::add),
            log,
            new TreeMap<>(),
            null,
            ContextObject.of(start.execution(), start.stateMachine()));
    engine.singleAttempt = true;
    Engine.Scope scope =
        new Engine.Scope(graph, "", "", VariableScope.of(Map.of(), variables), new Cursor(0), true);
    try {
      Engine.Step step = engine.runSingle(scope, state, input);
      StateEvaluation.Status status =
          engine.caughtFailure == null
              ? StateEvaluation.Status.SUCCEEDED
              : StateEvaluation.Status.CAUGHT_ERROR;
      return new StateEvaluation(
          status,
          step.output(),
          step.next(),
          scope.vars.own(),
          engine.caughtFailure == null ? null : engine.caughtFailure.error(),
          engine.caughtFailure == null ? null : engine.caughtFailure.cause(),
          events);
    } catch (Engine.Retriable r) {
      return new StateEvaluation(
          StateEvaluation.Status.RETRIABLE,
          null,
          null,
          scope.vars.own(),
          r.failure.error(),
          r.failure.cause(),
          events);
    } catch (StateFailed f) {
      return new StateEvaluation(
          StateEvaluation.Status.FAILED,
          null,
          null,
          scope.vars.own(),
          f.error(),
          f.errorCause(),
          events);
    }
  }

  private ExecutionOutcome run(
      Engine engine,
      Engine.Scope scope,
      String start,
      com.fasterxml.jackson.databind.JsonNode input,
      int runs) {
    EventLog log = engine.log;
    Cursor cursor = scope.cursor;
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    try {
      Engine.GraphEnd end = engine.runGraph(scope, start, input, runs);
      return switch (end) {
        case Engine.Done d -> {
          details.set("output", d.output());
          log.publish(cursor, HistoryEventType.ExecutionSucceeded, details, true);
          yield new ExecutionOutcome.Succeeded(d.output());
        }
        case Engine.Failed f -> {
          putFailure(details, f.error(), f.cause());
          log.publish(cursor, HistoryEventType.ExecutionFailed, details, true);
          yield new ExecutionOutcome.Failed(f.error(), f.cause());
        }
        case Engine.Suspended s -> new ExecutionOutcome.Suspended(s.snapshot());
      };
    } catch (ExecutionTimeout t) {
      String error = StatesError.TIMEOUT.errorName();
      String cause = "The execution ran longer than its TimeoutSeconds.";
      putFailure(details, error, cause);
      log.publish(cursor, HistoryEventType.ExecutionTimedOut, details, true);
      return new ExecutionOutcome.TimedOut(error, cause);
    } catch (ExecutionAborted a) {
      putFailure(details, a.error(), a.cause());
      log.publish(cursor, HistoryEventType.ExecutionAborted, details, true);
      return new ExecutionOutcome.Aborted(a.error(), a.cause());
    }
  }

  private static void putFailure(ObjectNode details, String error, String cause) {
    if (error != null) {
      details.put("error", error);
    }
    if (cause != null) {
      details.put("cause", cause);
    }
  }
}
