package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Parser.Symbol;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.EvaluationScope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation: of an expression, or of all the expressions of a template, which then share the
 * variables read from the scope, the instant {@code $now()} reports and the functions bound to the
 * scope's ports.
 *
 * <p>It is also the library's evaluate callback, which is how nesting depth, work and the size of
 * intermediate values are bounded, and how a JSON {@code null} result is told apart from undefined
 * (the library returns Java {@code null} for both).
 */
final class Evaluation implements Jsonata.EntryCallback, Jsonata.ExitCallback {

  private static final Object ABSENT = new Object();

  private final EvaluationScope scope;
  private final Map<String, Object> variables = new HashMap<>();
  private final Map<String, Object> scopedFunctions = new HashMap<>();
  private long millis = Long.MIN_VALUE;

  private int depth;
  private long steps;
  private Object root;

  Evaluation(EvaluationScope scope) {
    this.scope = scope;
  }

  EvaluationScope scope() {
    return scope;
  }

  /** The instant of this evaluation, read once: every {@code $now()} in it agrees. */
  long millis() {
    if (millis == Long.MIN_VALUE) {
      millis = scope.clock().now().toEpochMilli();
    }
    return millis;
  }

  /** Prepares the bindings of one expression's evaluation. */
  Frame frame(CompiledJsonata expression) {
    Frame frame = new Frame(null);
    frame.setEvaluateEntryCallback(this);
    frame.setEvaluateExitCallback(this);
    for (String name : expression.names()) {
      if (name.equals("states")) {
        frame.bind("states", states(expression));
        continue;
      }
      Object value = variable(name);
      if (value != ABSENT) {
        frame.bind(name, value);
      } else if (Builtins.NAMES.contains(name)) {
        frame.bind(name, builtin(name));
      }
    }
    depth = 0;
    steps = 0;
    root = null;
    return frame;
  }

  private Object builtin(String name) {
    if (!Builtins.SCOPED.contains(name)) {
      return Builtins.function(name, this);
    }
    return scopedFunctions.computeIfAbsent(name, n -> Builtins.function(n, this));
  }

  /**
   * The variable's value, or {@link #ABSENT}. The scope is asked once per name; every expression
   * gets its own conversion, since the library may write into the values it is given.
   */
  private Object variable(String name) {
    Object node = variables.get(name);
    if (node == null) {
      JsonNode found = scope.variables().get(name);
      node = found == null || found.isMissingNode() ? ABSENT : found;
      variables.put(name, node);
    }
    return node == ABSENT ? ABSENT : JsonValues.toJsonata((JsonNode) node);
  }

  /** {@code $states} with the fields this expression reads, where they are available. */
  private Map<String, Object> states(CompiledJsonata expression) {
    Map<String, Object> states = new LinkedHashMap<>(8);
    addState(states, expression, "input", scope.input());
    addState(states, expression, "result", scope.result());
    addState(states, expression, "errorOutput", scope.errorOutput());
    addState(states, expression, "context", scope.context());
    return states;
  }

  private static void addState(
      Map<String, Object> states, CompiledJsonata expression, String field, JsonNode node) {
    if (!node.isMissingNode() && expression.readsState(field)) {
      states.put(field, JsonValues.toJsonata(node));
    }
  }

  /**
   * The library's result, with JSON null told apart from undefined: {@link Jsonata#NULL_VALUE} for
   * null, Java {@code null} for undefined.
   */
  Object result(Object libraryResult) {
    if (libraryResult != null) {
      return libraryResult;
    }
    Object r = root;
    if (r instanceof Utils.JList<?> seq && seq.sequence && seq.size() == 1) {
      r = seq.get(0);
    }
    return r == Jsonata.NULL_VALUE ? Jsonata.NULL_VALUE : null;
  }

  @Override
  public void callback(Symbol expr, Object input, Frame environment) {
    if (++depth > Limits.MAX_DEPTH) {
      throw new Limits.Exceeded(Limits.STACK_OVERFLOW);
    }
    if (++steps > Limits.MAX_STEPS) {
      throw new Limits.Exceeded(Limits.TIMEOUT);
    }
  }

  @Override
  public void callback(Symbol expr, Object input, Frame environment, Object result) {
    depth--;
    if (Limits.exceedsMemory(result)) {
      throw new Limits.Exceeded(Limits.MEMORY);
    }
    if (depth == 0) {
      root = result;
    }
  }
}
