package io.statecraft.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.Variables;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The workflow variables one scope can see, immutable.
 *
 * <p>The top-level states of a state machine share one scope. Each Parallel branch and each Map
 * iteration runs in an inner scope: it reads the variables of the scopes around it, assigns its
 * own, and cannot assign a name that an outer scope holds (names cannot be shadowed). The inner
 * scope's variables disappear when the branch or iteration ends. A Distributed Map's iterations
 * start from an empty scope: they cannot see outer variables at all.
 *
 * <p>Limits: one variable and one {@code Assign} may hold at most 256 KiB, and all the variables an
 * execution can see at most 10 MiB; beyond that the state fails with {@code
 * States.DataLimitExceeded}.
 */
public final class VariableScope implements Variables {

  private static final VariableScope EMPTY = new VariableScope(Map.of(), Map.of(), Map.of(), 0);

  private final Map<String, JsonNode> outer;
  private final Map<String, JsonNode> own;
  private final Map<String, Long> ownSizes;
  private final long outerBytes;

  private VariableScope(
      Map<String, JsonNode> outer,
      Map<String, JsonNode> own,
      Map<String, Long> ownSizes,
      long outerBytes) {
    this.outer = outer;
    this.own = own;
    this.ownSizes = ownSizes;
    this.outerBytes = outerBytes;
  }

  /** A scope with no variables. */
  public static VariableScope empty() {
    return EMPTY;
  }

  /**
   * A scope that sees {@code outer} (read-only) and holds {@code own}. Both maps keep their
   * iteration order.
   */
  public static VariableScope of(Map<String, JsonNode> outer, Map<String, JsonNode> own) {
    Map<String, JsonNode> outerCopy = Collections.unmodifiableMap(new LinkedHashMap<>(outer));
    Map<String, JsonNode> ownCopy = new LinkedHashMap<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : own.entrySet()) {
      ownCopy.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
      sizes.put(e.getKey(), Payloads.sizeInBytes(e.getValue()));
    }
    long outerBytes = 0;
    for (JsonNode v : outerCopy.values()) {
      outerBytes += Payloads.sizeInBytes(v);
    }
    return new VariableScope(
        outerCopy,
        Collections.unmodifiableMap(ownCopy),
        Collections.unmodifiableMap(sizes),
        outerBytes);
  }

  @Override
  public JsonNode get(String name) {
    JsonNode value = own.get(name);
    return value != null ? value : outer.get(name);
  }

  /** The variables this scope assigned itself, in assignment order. */
  public Map<String, JsonNode> own() {
    return own;
  }

  /** The variables of the outer scopes, read-only here. */
  public Map<String, JsonNode> outer() {
    return outer;
  }

  /** Every variable visible here: the outer ones, then this scope's own. */
  public Map<String, JsonNode> visible() {
    if (outer.isEmpty()) {
      return own;
    }
    Map<String, JsonNode> all = new LinkedHashMap<>(outer);
    all.putAll(own);
    return Collections.unmodifiableMap(all);
  }

  /** The scope of a Parallel branch or an inline Map iteration started from here. */
  public VariableScope inner() {
    return VariableScope.of(visible(), Map.of());
  }

  /**
   * This scope after an {@code Assign}: every right-hand side has already been evaluated (against
   * the variables as they were before the state), and all are bound at once.
   *
   * @param assignments the evaluated Assign object: variable name to value
   * @param stateName the assigning state, for error messages
   */
  public VariableScope assign(JsonNode assignments, String stateName) {
    if (assignments == null || !assignments.isObject()) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The Assign field of the state '" + stateName + "' did not produce a JSON object.");
    }
    if (assignments.isEmpty()) {
      return this;
    }
    Map<String, JsonNode> newOwn = new LinkedHashMap<>(own);
    Map<String, Long> newSizes = new LinkedHashMap<>(ownSizes);
    long assignBytes = 0;
    for (Map.Entry<String, JsonNode> e : assignments.properties()) {
      String name = e.getKey();
      if (outer.containsKey(name)) {
        throw new AslFailure(
            StatesError.RUNTIME,
            "The state '"
                + stateName
                + "' cannot assign the variable '"
                + name
                + "': it belongs to an outer scope, which a Parallel branch or Map iteration can"
                + " read but not assign.");
      }
      long size = Payloads.sizeInBytes(e.getValue());
      if (size > Payloads.MAX_PAYLOAD_BYTES) {
        throw new AslFailure(
            StatesError.DATA_LIMIT_EXCEEDED,
            "The variable '"
                + name
                + "' assigned by the state '"
                + stateName
                + "' has "
                + size
                + " bytes, more than the maximum of "
                + Payloads.MAX_PAYLOAD_BYTES
                + " bytes for one variable.");
      }
      assignBytes += size;
      // Re-putting keeps a reassigned name at its first position; remove first so the order
      // reflects the latest assignment.
      newOwn.remove(name);
      newSizes.remove(name);
      newOwn.put(name, e.getValue());
      newSizes.put(name, size);
    }
    if (assignBytes > Payloads.MAX_PAYLOAD_BYTES) {
      throw new AslFailure(
          StatesError.DATA_LIMIT_EXCEEDED,
          "The Assign field of the state '"
              + stateName
              + "' produced "
              + assignBytes
              + " bytes, more than the maximum of "
              + Payloads.MAX_PAYLOAD_BYTES
              + " bytes for one Assign.");
    }
    long total = outerBytes;
    for (long s : newSizes.values()) {
      total += s;
    }
    if (total > Payloads.MAX_EXECUTION_VARIABLES_BYTES) {
      throw new AslFailure(
          StatesError.DATA_LIMIT_EXCEEDED,
          "After the Assign of the state '"
              + stateName
              + "' the variables of the execution would hold "
              + total
              + " bytes, more than the maximum of "
              + Payloads.MAX_EXECUTION_VARIABLES_BYTES
              + " bytes.");
    }
    return new VariableScope(
        outer,
        Collections.unmodifiableMap(newOwn),
        Collections.unmodifiableMap(newSizes),
        outerBytes);
  }
}
