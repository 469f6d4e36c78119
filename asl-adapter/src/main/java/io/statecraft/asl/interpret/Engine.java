package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.dataflow.JsonPathSteps;
import io.statecraft.asl.dataflow.JsonataSteps;
import io.statecraft.asl.dataflow.Payloads;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.dataflow.VariableScope;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.ErrorMatcher;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import io.statecraft.asl.model.choice.Choice;
import io.statecraft.asl.model.state.ChoiceState;
import io.statecraft.asl.model.state.FailState;
import io.statecraft.asl.model.state.MapState;
import io.statecraft.asl.model.state.ParallelState;
import io.statecraft.asl.model.state.PassState;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.model.state.SucceedState;
import io.statecraft.asl.model.state.TaskState;
import io.statecraft.asl.model.state.WaitState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interpreter loop: runs a graph state by state, over the ports. One instance per run of the
 * core (an execution run, a resumed run, or a branch run elsewhere). Everything it does is
 * deterministic: time, randomness, waits, tasks and concurrency come through {@link Ports}.
 */
final class Engine {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final StateMachine machine;
  final Ports ports;
  final EventLog log;
  final java.util.NavigableMap<String, Integer> visits;
  final Instant deadline;
  final ContextObject base;

  /** Whether native retry policies may be handed to the Tasks port. */
  boolean nativeRetries = true;

  /** TestState mode: report a retriable failure instead of retrying. */
  boolean singleAttempt;

  /** The failure the last catcher took, for TestState's CAUGHT_ERROR. */
  Failure caughtFailure;

  Engine(
      StateMachine machine,
      Ports ports,
      EventLog log,
      java.util.NavigableMap<String, Integer> visits,
      Instant deadline,
      ContextObject base) {
    this.machine = machine;
    this.ports = ports;
    this.log = log;
    this.visits = visits;
    this.deadline = deadline;
    this.base = base.withoutState();
  }

  // ---------------------------------------------------------------- graphs

  /** One graph being run: its states, its place in the definition and its variables. */
  static final class Scope {
    final Graph graph;
    final String pointer;
    final String path;
    final Cursor cursor;
    final boolean topLevel;
    final int visitBase;
    VariableScope vars;

    Scope(
        Graph graph,
        String pointer,
        String path,
        VariableScope vars,
        Cursor cursor,
        boolean topLevel) {
      this(graph, pointer, path, vars, cursor, topLevel, 0);
    }

    Scope(
        Graph graph,
        String pointer,
        String path,
        VariableScope vars,
        Cursor cursor,
        boolean topLevel,
        int visitBase) {
      this.graph = graph;
      this.pointer = pointer;
      this.path = path;
      this.vars = vars;
      this.cursor = cursor;
      this.topLevel = topLevel;
      this.visitBase = visitBase;
    }

    String prefix() {
      return path.isEmpty() ? "" : path + "/";
    }
  }

  /** How a graph ended. */
  sealed interface GraphEnd permits Done, Failed, Suspended {}

  record Done(JsonNode output) implements GraphEnd {}

  record Failed(String error, String cause) implements GraphEnd {}

  record Suspended(Snapshot snapshot) implements GraphEnd {}

  /** Where a state goes: the next state's name, or {@code null} at the end of the graph. */
  record Step(String next, JsonNode output) {}

  GraphEnd runGraph(Scope sc, String start, JsonNode input, int runs) {
    String name = start;
    JsonNode in = input;
    boolean first = true;
    while (true) {
      if (sc.topLevel && !first && ports.suspension().suspendBefore(name)) {
        return new Suspended(
            new Snapshot(
                name,
                in,
                sc.vars.own(),
                base.execution(),
                base.stateMachine(),
                log.nextId(),
                sc.cursor.source,
                visits,
                deadline == null ? null : Timestamps.format(deadline),
                runs + 1));
      }
      first = false;
      checkDeadline();
      State state = sc.graph.state(name);
      Step step;
      try {
        step = runState(sc, state, in);
      } catch (StateFailed f) {
        return new Failed(f.error(), f.errorCause());
      }
      if (step.next() == null) {
        return new Done(step.output());
      }
      name = step.next();
      in = step.output();
    }
  }

  private void checkDeadline() {
    if (deadline != null && !ports.clock().now().isBefore(deadline)) {
      throw new ExecutionTimeout();
    }
  }

  // ---------------------------------------------------------------- states

  private Step runState(Scope sc, State state, JsonNode raw) {
    String visitKey = sc.prefix() + InvocationIds.escape(state.name());
    int visit = visits.compute(visitKey, (k, v) -> v == null ? sc.visitBase + 1 : v + 1);
    long before = sc.cursor.source;
    ObjectNode entered = JSON.objectNode();
    entered.put("name", state.name());
    entered.set("input", raw);
    long enteredId = log.publish(sc.cursor, HistoryEventType.entered(state.type()), entered, true);
    boolean retryable =
        state instanceof TaskState || state instanceof ParallelState || state instanceof MapState;
    ContextObject ctx =
        base.withState(
            new ContextObject.StateInfo(
                state.name(),
                Timestamps.format(ports.clock().now()),
                retryable ? Integer.valueOf(0) : null));
    StateRun r = new StateRun(sc, state, raw, enteredId, before, visit, ctx);
    try {
      return switch (state) {
        case PassState s -> pass(r, s);
        case ChoiceState s -> choice(r, s);
        case WaitState s -> waitState(r, s);
        case SucceedState s -> succeed(r, s);
        case FailState s -> fail(r, s);
        case TaskState s -> task(r, s);
        case ParallelState s -> parallel(r, s);
        case MapState s -> map(r, s);
      };
    } catch (AslFailure f) {
      throw r.failedEvaluation(f);
    } catch (ExecutionAborted a) {
      if (state instanceof TaskState
          || state instanceof MapState
          || state instanceof ParallelState
          || state instanceof WaitState) {
        log.publish(sc.cursor, HistoryEventType.valueOf(state.type() + "StateAborted"), null, true);
      }
      throw a;
    }
  }

  /** The state being run: its input, its entry event and its context object. */
  final class StateRun {
    final Scope sc;
    final State state;
    final JsonNode raw;
    final long enteredId;
    final long enteredPrevious;
    final int visit;
    private ContextObject ctx;
    private ObjectNode ctxJson;

    StateRun(
        Scope sc,
        State state,
        JsonNode raw,
        long enteredId,
        long enteredPrevious,
        int visit,
        ContextObject ctx) {
      this.sc = sc;
      this.state = state;
      this.raw = raw;
      this.enteredId = enteredId;
      this.enteredPrevious = enteredPrevious;
      this.visit = visit;
      this.ctx = ctx;
    }

    ContextObject context() {
      return ctx;
    }

    void context(ContextObject newContext) {
      ctx = newContext;
      ctxJson = null;
    }

    ObjectNode contextJson() {
      if (ctxJson == null) {
        ctxJson = ctx.toJson();
      }
      return ctxJson;
    }

    /** A scope whose {@code $} (or {@code $states.input}) is {@code input}. */
    EvaluationScope scope(JsonNode input) {
      return scope(input, contextJson());
    }

    EvaluationScope scope(JsonNode input, JsonNode context) {
      return EvaluationScope.of(input, context, sc.vars, ports.clock(), ports.entropy());
    }

    /** Records the exit and moves on: binds the Assign results, then publishes the event. */
    Step exit(JsonNode output, JsonNode assigned, String next) {
      ObjectNode details = JSON.objectNode();
      details.put("name", state.name());
      details.set("output", output);
      if (assigned != null && !assigned.isEmpty()) {
        sc.vars = sc.vars.assign(assigned, state.name());
        details.set("assignedVariables", assigned);
      }
      log.publish(sc.cursor, HistoryEventType.exited(state.type()), details, true);
      return new Step(next, output);
    }

    Step exit(JsonNode output, JsonNode assigned, Transition transition) {
      return exit(output, assigned, next(transition));
    }

    /** The failure of an evaluation in this state, with AWS's prefix on the cause. */
    Failure evaluationFailure(AslFailure f) {
      String cause = f.cause();
      if (f.aslError().is(StatesError.RUNTIME)
          || f.aslError().is(StatesError.QUERY_EVALUATION_ERROR)) {
        cause = EnteredEventIds.cause(state.name(), enteredId, cause);
      }
      Failure failure = new Failure(f.error(), cause);
      if (f.aslError().is(StatesError.QUERY_EVALUATION_ERROR)) {
        // AWS links an evaluation failure to the event before the state's entry, unless the state
        // has recorded something since (a Wait state's entry counts as such).
        long previous =
            sc.cursor.source != enteredId
                ? sc.cursor.source
                : state instanceof WaitState ? enteredId : enteredPrevious;
        ObjectNode details = JSON.objectNode();
        details.put("error", failure.error());
        if (failure.cause() != null) {
          details.put("cause", failure.cause());
        }
        details.put("state", state.name());
        log.publishAfter(sc.cursor, previous, HistoryEventType.EvaluationFailed, details, true);
      }
      return failure;
    }

    /** An evaluation failure that ends the state. */
    StateFailed failedEvaluation(AslFailure f) {
      Failure failure = evaluationFailure(f);
      if (f.aslError().is(StatesError.QUERY_EVALUATION_ERROR)
          && (state instanceof MapState || state instanceof ParallelState)) {
        log.publish(sc.cursor, HistoryEventType.valueOf(state.type() + "StateFailed"), null, true);
      }
      return new StateFailed(failure.error(), failure.cause());
    }

    String invocationId(int retryCount) {
      return InvocationIds.invocation(sc.prefix(), state.name(), visit, retryCount);
    }

    void sleep(Duration duration, TimerRequest.Reason reason, int attempt) {
      Engine.this.sleep(duration, state.name(), sc.path, reason, attempt);
    }
  }

  /** An error name and cause, as Catch and the execution see them. */
  record Failure(String error, String cause) {
    ObjectNode errorOutput() {
      // AWS binds an empty string where the failure has no error or cause.
      ObjectNode out = JSON.objectNode();
      out.put("Error", error == null ? "" : error);
      out.put("Cause", cause == null ? "" : cause);
      return out;
    }
  }

  /** TestState mode: the state failed and a retrier would retry it. */
  static final class Retriable extends RuntimeException {
    final Failure failure;

    Retriable(Failure failure) {
      super(failure.error(), null, false, false);
      this.failure = failure;
    }
  }

  /** Runs one state and stops before the next (TestState). */
  Step runSingle(Scope sc, State state, JsonNode input) {
    return runState(sc, state, input);
  }

  /** A failure inside a retried attempt whose events are already recorded. */
  static final class AttemptFailed extends RuntimeException {
    final Failure failure;

    AttemptFailed(Failure failure) {
      super(failure.error(), null, false, false);
      this.failure = failure;
    }
  }

  private static DataFlow dataFlowOf(State state) {
    return switch (state) {
      case TaskState s -> s.dataFlow();
      case ParallelState s -> s.dataFlow();
      case MapState s -> s.dataFlow();
      case PassState s -> s.dataFlow();
      case ChoiceState s -> s.dataFlow();
      case WaitState s -> s.dataFlow();
      case SucceedState s -> s.dataFlow();
      case FailState s ->
          s.queryLanguage() == io.statecraft.asl.model.QueryLanguage.JSONATA
              ? DataFlow.Jsonata.DEFAULT
              : DataFlow.JsonPath.DEFAULT;
    };
  }

  private static String next(Transition transition) {
    return switch (transition) {
      case Transition.Next n -> n.state();
      case Transition.End e -> null;
    };
  }

  private void sleep(
      Duration duration, String stateName, String path, TimerRequest.Reason reason, int attempt) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    Instant now = ports.clock().now();
    Instant wake = now.plus(duration);
    // A pause that ends at the deadline ends with the execution: nothing runs at or after the
    // deadline, as checkDeadline has it.
    boolean timesOut = deadline != null && !wake.isBefore(deadline);
    if (timesOut) {
      duration = Duration.between(now, deadline);
      wake = deadline;
    }
    if (!duration.isNegative() && !duration.isZero()) {
      ports.timers().sleep(new TimerRequest(duration, wake, stateName, path, reason, attempt));
    }
    if (timesOut) {
      throw new ExecutionTimeout();
    }
  }

  private Optional<JsonNode> assign(Optional<Template> assign, EvaluationScope scope) {
    return Fields.named(assign, "Assign").map(a -> a.evaluate(scope));
  }

  // ---------------------------------------------------------------- Pass, Choice, Succeed, Fail

  private Step pass(StateRun r, PassState s) {
    return switch (s.dataFlow()) {
      case DataFlow.JsonPath jp -> {
        EvaluationScope scope = r.scope(r.raw);
        JsonNode effective = JsonPathSteps.inputPath(jp.inputPath(), r.raw, scope);
        JsonNode result =
            s.result().isPresent()
                ? s.result().get()
                : JsonPathSteps.payload(jp.parameters(), effective, scope);
        JsonNode assigned = assign(s.assign(), scope.withInput(result)).orElse(null);
        JsonNode output = JsonPathSteps.resultPath(jp.resultPath(), r.raw, result);
        Payloads.checkStateResult(s.name(), output);
        output = JsonPathSteps.outputPath(jp.outputPath(), output, scope);
        yield r.exit(output, assigned, s.transition());
      }
      case DataFlow.Jsonata ja -> {
        EvaluationScope scope = r.scope(r.raw);
        JsonNode assigned = assign(s.assign(), scope).orElse(null);
        JsonNode output = JsonataSteps.output(Fields.named(ja.output(), "Output"), scope, r.raw);
        Payloads.checkStateResult(s.name(), output);
        yield r.exit(output, assigned, s.transition());
      }
    };
  }

  private Step choice(StateRun r, ChoiceState s) {
    JsonNode effective;
    EvaluationScope scope;
    if (s.dataFlow() instanceof DataFlow.JsonPath jp) {
      effective = JsonPathSteps.inputPath(jp.inputPath(), r.raw, r.scope(r.raw));
    } else {
      effective = r.raw;
    }
    scope = r.scope(effective);
    Optional<Choice> chosen = ChoiceEvaluator.firstMatch(s.choices(), scope);
    String next;
    Optional<Template> assign;
    Optional<Template> output;
    if (chosen.isPresent()) {
      next = chosen.get().next();
      assign = chosen.get().assign();
      output = chosen.get().output();
    } else if (s.defaultState().isPresent()) {
      next = s.defaultState().get();
      assign = s.assign();
      output = s.dataFlow() instanceof DataFlow.Jsonata ja ? ja.output() : Optional.empty();
    } else {
      throw new StateFailed(
          StatesError.NO_CHOICE_MATCHED.errorName(),
          "No Choice rule matched and the state '" + s.name() + "' has no Default.");
    }
    JsonNode assigned = assign(assign, scope).orElse(null);
    JsonNode out =
        switch (s.dataFlow()) {
          case DataFlow.JsonPath jp -> JsonPathSteps.outputPath(jp.outputPath(), effective, scope);
          case DataFlow.Jsonata ja ->
              JsonataSteps.output(Fields.named(output, "Output"), scope, r.raw);
        };
    return r.exit(out, assigned, next);
  }

  private Step succeed(StateRun r, SucceedState s) {
    JsonNode out =
        switch (s.dataFlow()) {
          case DataFlow.JsonPath jp -> {
            EvaluationScope scope = r.scope(r.raw);
            JsonNode effective = JsonPathSteps.inputPath(jp.inputPath(), r.raw, scope);
            yield JsonPathSteps.outputPath(jp.outputPath(), effective, scope);
          }
          case DataFlow.Jsonata ja ->
              JsonataSteps.output(Fields.named(ja.output(), "Output"), r.scope(r.raw), r.raw);
        };
    return r.exit(out, null, (String) null);
  }

  private Step fail(StateRun r, FailState s) {
    EvaluationScope scope = r.scope(r.raw);
    String error = s.error().map(v -> FieldValues.string(v, scope, "Error")).orElse(null);
    String cause = s.cause().map(v -> FieldValues.string(v, scope, "Cause")).orElse(null);
    throw new StateFailed(error, cause);
  }

  // ---------------------------------------------------------------- Wait

  private Step waitState(StateRun r, WaitState s) {
    JsonNode effective =
        s.dataFlow() instanceof DataFlow.JsonPath jp
            ? JsonPathSteps.inputPath(jp.inputPath(), r.raw, r.scope(r.raw))
            : r.raw;
    EvaluationScope scope = r.scope(effective);
    Duration duration =
        switch (s.until()) {
          case WaitState.Seconds sec -> Duration.ofSeconds(waitSeconds(sec.value(), scope));
          case WaitState.Timestamp ts ->
              Duration.between(ports.clock().now(), waitTimestamp(ts.value(), scope));
        };
    r.sleep(duration, TimerRequest.Reason.WAIT, 0);
    JsonNode assigned = assign(s.assign(), scope).orElse(null);
    JsonNode out =
        switch (s.dataFlow()) {
          case DataFlow.JsonPath jp -> JsonPathSteps.outputPath(jp.outputPath(), effective, scope);
          case DataFlow.Jsonata ja ->
              JsonataSteps.output(Fields.named(ja.output(), "Output"), scope, r.raw);
        };
    return r.exit(out, assigned, s.transition());
  }

  private static long waitSeconds(ValueSource source, EvaluationScope scope) {
    JsonNode value = FieldValues.resolve(source, scope);
    String field = source instanceof ValueSource.Dynamic d ? d.field() : "Seconds";
    boolean jsonata = FieldValues.isJsonata(source);
    String where =
        source instanceof ValueSource.Dynamic d && !jsonata
            ? d.expression().text() + " == " + FieldValues.display(value)
            : FieldValues.display(value);
    StatesError error = FieldValues.errorFor(source);
    String noun = jsonata || source instanceof ValueSource.Literal ? "field" : "parameter";
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new AslFailure(
          error, "The " + field + " " + noun + " cannot be parsed as a long value: " + where);
    }
    if (value.longValue() < 0) {
      throw new AslFailure(
          error, "The " + field + " " + noun + " references a negative value: " + where);
    }
    return value.longValue();
  }

  private static Instant waitTimestamp(ValueSource source, EvaluationScope scope) {
    JsonNode value = FieldValues.resolve(source, scope);
    Optional<Instant> instant =
        value.isTextual() ? Timestamps.parse(value.textValue()) : Optional.empty();
    if (instant.isPresent()) {
      return instant.get();
    }
    if (source instanceof ValueSource.Dynamic d && !FieldValues.isJsonata(source)) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The "
              + d.field()
              + " parameter does not reference a valid ISO-8601 extended offset date-time format"
              + " string: "
              + d.expression().text()
              + " == "
              + FieldValues.display(value));
    }
    throw new AslFailure(
        FieldValues.errorFor(source),
        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format"
            + " string: "
            + FieldValues.display(value));
  }

  // ---------------------------------------------------------------- Retry and Catch

  /** The retry counters of one state visit. */
  static final class RetryState {
    final int[] counts;
    int retryCount;

    RetryState(int retriers) {
      counts = new int[retriers];
    }
  }

  /** What a successful attempt produced, before Output/OutputPath. */
  record Attempted(JsonNode result, JsonNode output, JsonNode assigned) {}

  @FunctionalInterface
  interface Attempt {
    Attempted run(RetryState retries);
  }

  /**
   * Runs attempts until one succeeds, the retriers give up, or a catcher takes the failure. The
   * evaluations inside an attempt (Parameters or Arguments, the work itself, Assign,
   * ResultSelector, ResultPath) can be retried and caught; InputPath, Output, OutputPath and the
   * size check are outside, as on AWS.
   */
  private Step withRetry(
      StateRun r, List<Retrier> retriers, List<Catcher> catchers, Attempt attempt) {
    RetryState retries = new RetryState(retriers.size());
    while (true) {
      r.context(r.context().withRetryCount(retries.retryCount));
      Failure failure;
      Attempted done = null;
      boolean ownEvaluation = false;
      try {
        done = attempt.run(retries);
        failure = null;
      } catch (AttemptFailed f) {
        failure = f.failure;
      } catch (AslFailure f) {
        failure = r.evaluationFailure(f);
        ownEvaluation = true;
      }
      if (done != null) {
        r.context(r.context().withRetryCount(retries.retryCount));
        return finish(r, done);
      }
      if (ownEvaluation && ErrorMatcher.isTerminal(failure.error())) {
        // "A States.Runtime error isn't retriable, and will always cause the execution to fail."
        throw new StateFailed(failure.error(), failure.cause());
      }
      Optional<RetryDecisions.Retry> retry =
          RetryDecisions.next(retriers, retries.counts, failure.error(), ports.entropy());
      if (retry.isPresent() && singleAttempt && r.sc.topLevel) {
        throw new Retriable(failure);
      }
      if (retry.isPresent()) {
        retries.counts[retry.get().retrierIndex()]++;
        retries.retryCount++;
        r.sleep(retry.get().delay(), TimerRequest.Reason.RETRY, retries.retryCount);
        continue;
      }
      if (r.state instanceof MapState || r.state instanceof ParallelState) {
        log.publish(
            r.sc.cursor, HistoryEventType.valueOf(r.state.type() + "StateFailed"), null, true);
      }
      for (Catcher catcher : catchers) {
        if (ErrorMatcher.matches(catcher.errorEquals(), failure.error())) {
          return caught(r, catcher, failure);
        }
      }
      throw new StateFailed(failure.error(), failure.cause());
    }
  }

  /** Output (JSONata) or the size check and OutputPath (JSONPath) of a successful attempt. */
  private Step finish(StateRun r, Attempted done) {
    Transition transition =
        switch (r.state) {
          case TaskState t -> t.transition();
          case ParallelState p -> p.transition();
          case MapState m -> m.transition();
          default -> throw new IllegalStateException("not an execution state: " + r.state.name());
        };
    JsonNode out =
        switch (dataFlowOf(r.state)) {
          case DataFlow.JsonPath jp -> {
            Payloads.checkStateResult(r.state.name(), done.output());
            yield JsonPathSteps.outputPath(jp.outputPath(), done.output(), r.scope(done.output()));
          }
          case DataFlow.Jsonata ja -> {
            JsonNode o =
                JsonataSteps.output(
                    Fields.named(ja.output(), "Output"),
                    r.scope(r.raw).withResult(done.result()),
                    done.result());
            Payloads.checkStateResult(r.state.name(), o);
            yield o;
          }
        };
    return r.exit(out, done.assigned(), transition);
  }

  /**
   * A catcher took the failure: the error output goes through the catcher's ResultPath (JSONPath)
   * or Output (JSONata); the state's own OutputPath does not apply.
   */
  private Step caught(StateRun r, Catcher catcher, Failure failure) {
    if (r.sc.topLevel) {
      caughtFailure = failure;
    }
    ObjectNode errorOutput = failure.errorOutput();
    JsonNode out;
    JsonNode assigned;
    if (dataFlowOf(r.state) instanceof DataFlow.Jsonata) {
      EvaluationScope scope = r.scope(r.raw).withErrorOutput(errorOutput).withResult(errorOutput);
      assigned = assign(catcher.assign(), scope).orElse(null);
      out =
          catcher.output().isPresent()
              ? Fields.named(catcher.output().get(), "Output").evaluate(scope)
              : errorOutput;
    } else {
      assigned = assign(catcher.assign(), r.scope(errorOutput)).orElse(null);
      out = JsonPathSteps.resultPath(catcher.resultPath(), r.raw, errorOutput);
    }
    Payloads.checkStateResult(r.state.name(), out);
    return r.exit(out, assigned, catcher.next());
  }

  // ---------------------------------------------------------------- Task

  private Step task(StateRun r, TaskState s) {
    JsonNode effective =
        s.dataFlow() instanceof DataFlow.JsonPath jp
            ? JsonPathSteps.inputPath(jp.inputPath(), r.raw, r.scope(r.raw))
            : r.raw;
    return withRetry(r, s.retry(), s.catchers(), retries -> taskAttempt(r, s, effective, retries));
  }

  private Attempted taskAttempt(StateRun r, TaskState s, JsonNode effective, RetryState retries) {
    String invocationId = r.invocationId(retries.retryCount);
    String token = null;
    if (s.resource().endsWith(".waitForTaskToken")) {
      token =
          ports.tasks().issueTaskToken(new TaskTokenRequest(invocationId, s.name(), s.resource()));
      r.context(r.context().withTask(new ContextObject.TaskInfo(token)));
    }
    EvaluationScope scope = r.scope(effective);
    JsonNode parameters =
        switch (s.dataFlow()) {
          case DataFlow.JsonPath jp -> JsonPathSteps.payload(jp.parameters(), effective, scope);
          case DataFlow.Jsonata ja ->
              JsonataSteps.arguments(Fields.named(ja.arguments(), "Arguments"), scope);
        };
    JsonNode credentials =
        Fields.named(s.credentials(), "Credentials").map(t -> t.evaluate(scope)).orElse(null);
    Integer timeout = positiveSeconds(s.timeoutSeconds(), scope, "TimeoutSeconds");
    Integer heartbeat = positiveSeconds(s.heartbeatSeconds(), scope, "HeartbeatSeconds");
    NativeRetryPolicy policy =
        nativeRetries ? NativeRetryPlanner.plan(s, retries.retryCount) : null;
    TaskEvents events = new TaskEvents(s.resource(), region());
    log.publish(
        r.sc.cursor,
        events.scheduled(),
        events.scheduledDetails(parameters, timeout, heartbeat, credentials),
        true);
    log.publish(r.sc.cursor, events.started(), events.startedDetails(), true);
    TaskResult result;
    try {
      result =
          ports
              .tasks()
              .invoke(
                  new TaskInvocation(
                      invocationId,
                      s.name(),
                      s.resource(),
                      parameters,
                      timeout,
                      heartbeat,
                      credentials,
                      r.contextJson(),
                      token,
                      retries.retryCount,
                      policy,
                      deadlineText()));
    } catch (AslFailure f) {
      // A task still running when the execution's time is up ends with the execution.
      checkDeadline();
      log.publish(
          r.sc.cursor, events.failed(f.error()), events.failedDetails(f.error(), f.cause()), true);
      if (policy != null && ErrorMatcher.matches(StatesError.ALL.errorName(), f.error())) {
        // The port used up every attempt of the policy.
        int used = policy.maximumAttempts() - 1;
        retries.counts[0] += used;
        retries.retryCount += used;
      }
      throw new AttemptFailed(new Failure(f.error(), f.cause()));
    }
    checkDeadline();
    log.publish(r.sc.cursor, events.succeeded(), events.succeededDetails(result.output()), true);
    if (result.attempts() > 1) {
      int extra = result.attempts() - 1;
      retries.counts[0] += extra;
      retries.retryCount += extra;
      r.context(r.context().withRetryCount(retries.retryCount));
    }
    JsonNode output = result.output();
    Payloads.checkStateResult(s.name(), output);
    return resultOf(r, s.dataFlow(), s.assign(), effective, output);
  }

  /** Assign, ResultSelector and ResultPath of a Task, Parallel or Map result. */
  private Attempted resultOf(
      StateRun r, DataFlow flow, Optional<Template> assign, JsonNode effective, JsonNode result) {
    return switch (flow) {
      case DataFlow.JsonPath jp -> {
        EvaluationScope scope = r.scope(result);
        JsonNode assigned = assign(assign, scope).orElse(null);
        JsonNode selected = JsonPathSteps.payload(jp.resultSelector(), result, scope);
        JsonNode output = JsonPathSteps.resultPath(jp.resultPath(), r.raw, selected);
        yield new Attempted(selected, output, assigned);
      }
      case DataFlow.Jsonata ja -> {
        JsonNode assigned = assign(assign, r.scope(r.raw).withResult(result)).orElse(null);
        yield new Attempted(result, null, assigned);
      }
    };
  }

  private static Integer positiveSeconds(
      Optional<ValueSource> source, EvaluationScope scope, String field) {
    if (source.isEmpty()) {
      return null;
    }
    long seconds = FieldValues.integer(source.get(), scope, field);
    if (seconds < 1 || seconds > TaskInvocation.DEFAULT_TIMEOUT_SECONDS) {
      String name = source.get() instanceof ValueSource.Dynamic d ? d.field() : field;
      throw new AslFailure(
          FieldValues.errorFor(source.get()),
          "The "
              + name
              + " field must be a positive integer no greater than "
              + TaskInvocation.DEFAULT_TIMEOUT_SECONDS
              + ", but was "
              + seconds
              + ".");
    }
    return (int) seconds;
  }

  private String region() {
    String[] parts = base.stateMachine().id().split(":", -1);
    return parts.length > 3 ? parts[3] : "";
  }

  // ---------------------------------------------------------------- Parallel

  private Step parallel(StateRun r, ParallelState s) {
    JsonNode effective =
        s.dataFlow() instanceof DataFlow.JsonPath jp
            ? JsonPathSteps.inputPath(jp.inputPath(), r.raw, r.scope(r.raw))
            : r.raw;
    return withRetry(r, s.retry(), s.catchers(), retries -> parallelAttempt(r, s, effective));
  }

  private Attempted parallelAttempt(StateRun r, ParallelState s, JsonNode effective) {
    EvaluationScope scope = r.scope(effective);
    JsonNode input =
        switch (s.dataFlow()) {
          case DataFlow.JsonPath jp -> JsonPathSteps.payload(jp.parameters(), effective, scope);
          case DataFlow.Jsonata ja ->
              JsonataSteps.arguments(Fields.named(ja.arguments(), "Arguments"), scope);
        };
    log.publish(r.sc.cursor, HistoryEventType.ParallelStateStarted, null, true);
    int n = s.branches().size();
    String runKey = r.sc.prefix() + InvocationIds.escape(s.name());
    int countFrom = visitBase(r.sc, runKey);
    Cursor[] cursors = new Cursor[n];
    List<Branch> branches = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Cursor cursor = r.sc.cursor.fork();
      cursors[i] = cursor;
      Graph graph = s.branches().get(i);
      String pointer = GraphPointers.branch(r.sc.pointer, s.name(), i);
      String path = InvocationIds.scope(r.sc.prefix(), s.name(), i);
      VariableScope inner = r.sc.vars.inner();
      BranchSpec spec =
          new BranchSpec(
              FanOutKind.PARALLEL,
              s.name(),
              pointer,
              i,
              path,
              input,
              base,
              inner.outer(),
              countFrom,
              deadlineText());
      branches.add(
          new Branch(
              spec,
              () ->
                  outcome(
                      runGraph(
                          new Scope(graph, pointer, path, inner, cursor, false, countFrom),
                          graph.startAt(),
                          input,
                          0))));
    }
    List<BranchOutcome> outcomes =
        fanOut(
            new FanOut(s.name(), FanOutKind.PARALLEL, branches, 0, FailureTolerance.NONE),
            runKey,
            countFrom);
    for (int i = 0; i < n; i++) {
      outcomes.set(i, splice(outcomes.get(i), cursors[i]));
      r.sc.cursor.integrate(cursors[i]);
    }
    Failure failure = firstFailure(outcomes);
    if (failure != null) {
      throw new AttemptFailed(failure);
    }
    ArrayNode results = JSON.arrayNode();
    for (BranchOutcome o : outcomes) {
      results.add(o.output());
    }
    log.publishAfter(
        r.sc.cursor,
        r.sc.cursor.lastPublished,
        HistoryEventType.ParallelStateSucceeded,
        null,
        false);
    return resultOf(r, s.dataFlow(), s.assign(), effective, results);
  }

  // ---------------------------------------------------------------- Map

  private Step map(StateRun r, MapState s) {
    if (s.itemReader().isPresent()) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The Map state '"
              + s.name()
              + "' reads its items with an ItemReader (resource '"
              + s.itemReader().get().resource()
              + "'), which this engine does not support: it needs external storage. Pass the"
              + " items in the state input instead.");
    }
    if (s.resultWriter().isPresent()) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The Map state '"
              + s.name()
              + "' writes its results with a ResultWriter, which this engine does not support:"
              + " it needs external storage. Remove the ResultWriter to get the results as the"
              + " state's output.");
    }
    JsonNode effective =
        s.dataFlow() instanceof DataFlow.JsonPath jp
            ? JsonPathSteps.inputPath(jp.inputPath(), r.raw, r.scope(r.raw))
            : r.raw;
    return withRetry(r, s.retry(), s.catchers(), retries -> mapAttempt(r, s, effective));
  }

  private Attempted mapAttempt(StateRun r, MapState s, JsonNode effective) {
    EvaluationScope scope = r.scope(effective);
    JsonNode items = mapItems(s, effective, scope);
    int n = items.size();
    ObjectNode started = JSON.objectNode();
    started.put("length", n);
    log.publish(r.sc.cursor, HistoryEventType.MapStateStarted, started, true);
    boolean distributed = s.processor().mode() == MapState.ProcessorMode.DISTRIBUTED;
    int maxConcurrency = maxConcurrency(s, scope);
    FailureTolerance tolerance = distributed ? tolerance(s, scope) : FailureTolerance.NONE;
    List<JsonNode> inputs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      inputs.add(itemInput(r, s, effective, i, items.get(i)));
    }
    if (distributed && s.itemBatcher().isPresent()) {
      inputs = ItemBatches.batch(inputs, s.itemBatcher().get(), scope);
    }
    return distributed
        ? distributedRun(r, s, effective, inputs, maxConcurrency, tolerance)
        : inlineRun(r, s, effective, inputs, maxConcurrency);
  }

  private JsonNode mapItems(MapState s, JsonNode effective, EvaluationScope scope) {
    JsonNode items =
        s.items().isPresent() ? FieldValues.resolve(s.items().get(), scope) : effective;
    if (items.isArray()) {
      return items;
    }
    if (s.items().isPresent() && s.items().get() instanceof ValueSource.Dynamic d) {
      if (FieldValues.isJsonata(s.items().get())) {
        throw new AslFailure(
            StatesError.QUERY_EVALUATION_ERROR,
            "The JSONata expression '"
                + d.expression().text()
                + "' specified for the field 'Items' returned an unexpected result type."
                + " Expected 'array', but was '"
                + ChoiceEvaluator.jsonType(items)
                + "' for value: "
                + Payloads.compact(items));
      }
      throw new AslFailure(
          StatesError.RUNTIME,
          "The "
              + d.field()
              + " field refers to value \""
              + FieldValues.display(items)
              + "\" which is not a valid array: "
              + d.expression().text());
    }
    throw new AslFailure(
        s.dataFlow() instanceof DataFlow.Jsonata
            ? StatesError.QUERY_EVALUATION_ERROR
            : StatesError.RUNTIME,
        "Map state input must be an array but was: " + Payloads.compact(items));
  }

  private int maxConcurrency(MapState s, EvaluationScope scope) {
    if (s.maxConcurrency().isEmpty()) {
      return 0;
    }
    long value = FieldValues.integer(s.maxConcurrency().get(), scope, "MaxConcurrency");
    if (value < 0) {
      throw new AslFailure(
          FieldValues.errorFor(s.maxConcurrency().get()), "MaxConcurrency cannot be negative.");
    }
    return (int) Math.min(value, Integer.MAX_VALUE);
  }

  private FailureTolerance tolerance(MapState s, EvaluationScope scope) {
    Long count = null;
    Double percentage = null;
    if (s.toleratedFailureCount().isPresent()) {
      count = FieldValues.integer(s.toleratedFailureCount().get(), scope, "ToleratedFailureCount");
      if (count < 0) {
        throw new AslFailure(
            FieldValues.errorFor(s.toleratedFailureCount().get()),
            "ToleratedFailureCount cannot be negative.");
      }
    }
    if (s.toleratedFailurePercentage().isPresent()) {
      percentage =
          FieldValues.number(
              s.toleratedFailurePercentage().get(), scope, "ToleratedFailurePercentage");
      if (percentage < 0 || percentage > 100) {
        throw new AslFailure(
            FieldValues.errorFor(s.toleratedFailurePercentage().get()),
            "ToleratedFailurePercentage must be between 0 and 100.");
      }
    }
    return new FailureTolerance(count, percentage);
  }

  /** ItemSelector (or the legacy Parameters) for one item; without it the item itself. */
  private JsonNode itemInput(StateRun r, MapState s, JsonNode effective, int index, JsonNode item) {
    if (s.itemSelector().isEmpty()) {
      return item;
    }
    JsonNode context = r.context().withMap(new ContextObject.MapInfo(index, item)).toJson();
    return Fields.named(s.itemSelector().get(), "ItemSelector")
        .evaluate(r.scope(effective, context));
  }

  private Attempted inlineRun(
      StateRun r, MapState s, JsonNode effective, List<JsonNode> inputs, int maxConcurrency) {
    int n = inputs.size();
    int lanes = maxConcurrency == 0 ? n : Math.min(maxConcurrency, n);
    Cursor[] laneCursors = new Cursor[lanes];
    for (int l = 0; l < lanes; l++) {
      laneCursors[l] = r.sc.cursor.fork();
    }
    Graph graph = s.processor().graph();
    String pointer = GraphPointers.processor(r.sc.pointer, s);
    VariableScope inner = r.sc.vars.inner();
    String runKey = r.sc.prefix() + InvocationIds.escape(s.name());
    int countFrom = visitBase(r.sc, runKey);
    List<Branch> branches = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = i;
      Cursor lane = laneCursors[i % lanes];
      boolean lastInLane = i + lanes >= n;
      String path = InvocationIds.scope(r.sc.prefix(), s.name(), i);
      JsonNode input = inputs.get(i);
      BranchSpec spec =
          new BranchSpec(
              FanOutKind.INLINE_MAP,
              s.name(),
              pointer,
              i,
              path,
              input,
              base,
              inner.outer(),
              countFrom,
              deadlineText());
      branches.add(
          new Branch(
              spec,
              () ->
                  iteration(
                      s.name(),
                      index,
                      lastInLane,
                      new Scope(graph, pointer, path, inner, lane, false, countFrom),
                      input)));
    }
    List<BranchOutcome> outcomes =
        fanOut(
            new FanOut(
                s.name(), FanOutKind.INLINE_MAP, branches, maxConcurrency, FailureTolerance.NONE),
            runKey,
            countFrom);
    for (int i = 0; i < n; i++) {
      Cursor lane = laneCursors[i % lanes];
      BranchOutcome o = splice(outcomes.get(i), lane);
      outcomes.set(i, o);
      if (!o.events().isEmpty() && o.status() == BranchOutcome.Status.SUCCEEDED && i + lanes >= n) {
        lane.source = lane.lastPublished;
      }
    }
    for (Cursor lane : laneCursors) {
      r.sc.cursor.integrate(lane);
    }
    Failure failure = firstFailure(outcomes);
    if (failure != null) {
      throw new AttemptFailed(failure);
    }
    ArrayNode results = JSON.arrayNode();
    outcomes.forEach(o -> results.add(o.output()));
    log.publishAfter(
        r.sc.cursor, r.sc.cursor.lastPublished, HistoryEventType.MapStateSucceeded, null, false);
    return resultOf(r, s.dataFlow(), s.assign(), effective, results);
  }

  /** One inline iteration on its lane: its events bracketed by MapIteration events. */
  private BranchOutcome iteration(
      String mapName, int index, boolean lastInLane, Scope scope, JsonNode input) {
    ObjectNode details = JSON.objectNode();
    details.put("name", mapName);
    details.put("index", index);
    log.publish(scope.cursor, HistoryEventType.MapIterationStarted, details, true);
    GraphEnd end;
    try {
      end = runGraph(scope, scope.graph.startAt(), input, 0);
    } catch (ExecutionAborted a) {
      log.publish(scope.cursor, HistoryEventType.MapIterationAborted, details.deepCopy(), false);
      throw a;
    }
    if (end instanceof Done) {
      log.publish(scope.cursor, HistoryEventType.MapIterationSucceeded, details.deepCopy(), false);
      if (lastInLane) {
        // The success of a lane's last iteration is what the Map state continues from.
        scope.cursor.source = scope.cursor.lastPublished;
      }
    } else {
      log.publish(scope.cursor, HistoryEventType.MapIterationFailed, details.deepCopy(), false);
    }
    return outcome(end);
  }

  private Attempted distributedRun(
      StateRun r,
      MapState s,
      JsonNode effective,
      List<JsonNode> inputs,
      int maxConcurrency,
      FailureTolerance tolerance) {
    String label = s.label() != null ? s.label() : s.name();
    String mapRunArn =
        base.stateMachine().id().replace(":stateMachine:", ":mapRun:")
            + "/"
            + label
            + ":"
            + ports.entropy().randomUuid();
    ObjectNode runStarted = JSON.objectNode();
    runStarted.put("mapRunArn", mapRunArn);
    log.publish(r.sc.cursor, HistoryEventType.MapRunStarted, runStarted, true);
    Graph graph = s.processor().graph();
    String pointer = GraphPointers.processor(r.sc.pointer, s);
    int n = inputs.size();
    String runKey = r.sc.prefix() + InvocationIds.escape(s.name());
    int countFrom = visitBase(r.sc, runKey);
    List<Branch> branches = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String path = InvocationIds.scope(r.sc.prefix(), s.name(), i);
      JsonNode input = inputs.get(i);
      ContextObject child = childExecution(s, mapRunArn, input);
      BranchSpec spec =
          new BranchSpec(
              FanOutKind.DISTRIBUTED_MAP,
              s.name(),
              pointer,
              i,
              path,
              input,
              child,
              Map.of(),
              countFrom,
              deadlineText());
      branches.add(new Branch(spec, () -> childRun(graph, pointer, path, child, input, countFrom)));
    }
    List<BranchOutcome> outcomes =
        fanOut(
            new FanOut(s.name(), FanOutKind.DISTRIBUTED_MAP, branches, maxConcurrency, tolerance),
            runKey,
            countFrom);
    int failed = 0;
    for (BranchOutcome o : outcomes) {
      if (o.status() != BranchOutcome.Status.SUCCEEDED) {
        failed++;
      }
    }
    if (failed > 0 && tolerance.exceeded(failed, n)) {
      Failure failure =
          new Failure(
              StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD.errorName(),
              "The specified tolerated failure threshold was exceeded.");
      ObjectNode details = JSON.objectNode();
      details.put("error", failure.error());
      details.put("cause", failure.cause());
      log.publish(r.sc.cursor, HistoryEventType.MapRunFailed, details, true);
      throw new AttemptFailed(failure);
    }
    // Recordings from November 2024 on show the Map state continuing from MapRunStarted: the map
    // run's success is not what the next event follows from (earlier recordings differ).
    log.publish(r.sc.cursor, HistoryEventType.MapRunSucceeded, null, false);
    ArrayNode results = JSON.arrayNode();
    for (BranchOutcome o : outcomes) {
      // A tolerated failure leaves its error output where the item's result would be.
      results.add(
          o.status() == BranchOutcome.Status.SUCCEEDED
              ? o.output()
              : new Failure(o.error(), o.cause()).errorOutput());
    }
    log.publishAfter(
        r.sc.cursor, r.sc.cursor.lastPublished, HistoryEventType.MapStateSucceeded, null, false);
    return resultOf(r, s.dataFlow(), s.assign(), effective, results);
  }

  /** The context of a Distributed Map child execution: its own execution, the item as input. */
  private ContextObject childExecution(MapState s, String mapRunArn, JsonNode input) {
    String name = ports.entropy().randomUuid().toString();
    String id = mapRunArn.replace(":mapRun:", ":execution:") + ":" + name;
    return ContextObject.of(
        new ContextObject.ExecutionInfo(
            id, input, name, base.execution().roleArn(), Timestamps.format(ports.clock().now()), 0),
        new ContextObject.StateMachineInfo(
            base.stateMachine().id() + "/" + s.name(),
            base.stateMachine().name() + "/" + s.name()));
  }

  /** A Distributed Map child execution: its own history, no outer variables. */
  private BranchOutcome childRun(
      Graph graph, String pointer, String path, ContextObject child, JsonNode input, int base) {
    Engine engine =
        new Engine(
            machine, ports, new EventLog(Observer.NONE, ports.clock(), 1), visits, deadline, child);
    engine.nativeRetries = nativeRetries;
    Scope scope =
        new Scope(graph, pointer, path, VariableScope.empty(), new Cursor(0), false, base);
    return outcome(engine.runGraph(scope, graph.startAt(), input, 0));
  }

  // ---------------------------------------------------------------- fan-out plumbing

  /**
   * Runs a fan-out and keeps the visit counters bounded: the counters of the states inside it live
   * only while it runs; afterwards one watermark per fan-out state ({@code <state>[*]}) remembers
   * the highest visit number used, and the next run counts on from there, so invocation ids stay
   * unique when a Map or Parallel state runs again.
   */
  private List<BranchOutcome> fanOut(FanOut fanOut, String runKey, int base) {
    List<BranchOutcome> outcomes;
    try {
      outcomes = ports.branches().run(fanOut);
    } finally {
      int max = base;
      Map<String, Integer> inside = visits.subMap(runKey + "[", runKey + "[\uffff");
      for (Map.Entry<String, Integer> e : inside.entrySet()) {
        max = Math.max(max, e.getValue());
      }
      inside.clear();
      visits.merge(runKey + WATERMARK, max, Math::max);
    }
    if (outcomes.size() != fanOut.branches().size()) {
      throw new IllegalStateException(
          "the Branches port returned "
              + outcomes.size()
              + " outcomes for "
              + fanOut.branches().size()
              + " branches of '"
              + fanOut.stateName()
              + "'");
    }
    for (BranchOutcome o : outcomes) {
      visits.merge(runKey + WATERMARK, o.maxVisit(), Math::max);
    }
    return new ArrayList<>(outcomes);
  }

  /**
   * Splices the events of a branch run elsewhere onto its line, and renumbers the event id its
   * failure's cause names the way its events were renumbered.
   */
  private BranchOutcome splice(BranchOutcome o, Cursor line) {
    Map<Long, Long> ids = log.splice(o.events(), o.eventSource(), line);
    String cause = EnteredEventIds.renumber(o.cause(), ids);
    return cause == null || cause.equals(o.cause())
        ? o
        : new BranchOutcome(
            o.status(), o.output(), o.error(), cause, o.events(), o.eventSource(), o.maxVisit());
  }

  /** The key suffix of a fan-out state's visit watermark; {@code [} never appears raw in names. */
  static final String WATERMARK = "[*]";

  /** Where the visits inside a new run of a fan-out state start counting. */
  private int visitBase(Scope sc, String runKey) {
    return Math.max(sc.visitBase, visits.getOrDefault(runKey + WATERMARK, 0));
  }

  /** The highest visit number used under {@code path}, for a branch run elsewhere. */
  int maxVisitUnder(String path) {
    int max = 0;
    for (int v : visits.subMap(path + "/", path + "/\uffff").values()) {
      max = Math.max(max, v);
    }
    return max;
  }

  private String deadlineText() {
    return deadline == null ? null : Timestamps.format(deadline);
  }

  /** The first failed branch in branch order, or {@code null}. */
  private static Failure firstFailure(List<BranchOutcome> outcomes) {
    for (BranchOutcome o : outcomes) {
      if (o.status() == BranchOutcome.Status.FAILED) {
        return new Failure(o.error(), o.cause());
      }
    }
    for (BranchOutcome o : outcomes) {
      if (o.status() == BranchOutcome.Status.CANCELLED) {
        return new Failure(
            StatesError.BRANCH_FAILED.errorName(), "A branch was stopped before it completed.");
      }
    }
    return null;
  }

  static BranchOutcome outcome(GraphEnd end) {
    return switch (end) {
      case Done d ->
          new BranchOutcome(
              BranchOutcome.Status.SUCCEEDED, d.output(), null, null, List.of(), 0, 0);
      case Failed f ->
          new BranchOutcome(
              BranchOutcome.Status.FAILED, null, f.error(), f.cause(), List.of(), 0, 0);
      case Suspended s -> throw new IllegalStateException("a branch cannot suspend");
    };
  }
}
