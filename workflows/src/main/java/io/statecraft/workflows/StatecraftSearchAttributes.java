package io.statecraft.workflows;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * The custom search attributes of execution workflows, all of type Keyword, so that executions can
 * be found in the Temporal Web UI and in visibility queries by the names Step Functions users know,
 * for example {@code StatecraftStateMachineName = "orders"}.
 *
 * <ul>
 *   <li>{@link #STATE_MACHINE_NAME} and {@link #EXECUTION_NAME} are set when the execution starts
 *       ({@link StatecraftClient#start} does).
 *   <li>{@link #CURRENT_STATE} is set by the workflow when it enters a state that blocks: a Task, a
 *       Wait, a Parallel or a Map state. States that only compute (Pass, Choice, Succeed, Fail) do
 *       not update it, because every update is an event in the Temporal history and a loop of such
 *       states would otherwise fill it. Inside Parallel and Map states the attribute keeps the name
 *       of the top-level state.
 * </ul>
 *
 * Register them once per namespace (the test server and the embedded server too) before starting
 * executions; {@link #all()} lists them with their types.
 */
public final class StatecraftSearchAttributes {

  /** The name of the state machine an execution runs. */
  public static final SearchAttributeKey<String> STATE_MACHINE_NAME =
      SearchAttributeKey.forKeyword("StatecraftStateMachineName");

  /** The top-level state an execution is in, updated at the states that block. */
  public static final SearchAttributeKey<String> CURRENT_STATE =
      SearchAttributeKey.forKeyword("StatecraftCurrentState");

  /** The Step Functions execution name. */
  public static final SearchAttributeKey<String> EXECUTION_NAME =
      SearchAttributeKey.forKeyword("StatecraftExecutionName");

  private StatecraftSearchAttributes() {}

  /** Every attribute's name with its type, in a stable order. */
  public static Map<String, IndexedValueType> all() {
    Map<String, IndexedValueType> all = new TreeMap<>();
    all.put(STATE_MACHINE_NAME.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    all.put(CURRENT_STATE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    all.put(EXECUTION_NAME.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    return all;
  }
}
