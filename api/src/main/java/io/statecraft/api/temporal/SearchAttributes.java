package io.statecraft.api.temporal;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.Map;
import java.util.TreeMap;

/**
 * The custom search attributes Statecraft's workflows carry, so executions can be found in
 * Temporal's UI and visibility queries by the Step Functions names people know.
 */
public final class SearchAttributes {

  /** The name of the state machine an execution runs. */
  public static final String STATE_MACHINE_NAME = "StatecraftStateMachineName";

  /** The state an execution is in. */
  public static final String CURRENT_STATE = "StatecraftCurrentState";

  /** The Step Functions execution name. */
  public static final String EXECUTION_NAME = "StatecraftExecutionName";

  private SearchAttributes() {}

  /** Every attribute with its type, in a stable order. */
  public static Map<String, IndexedValueType> all() {
    Map<String, IndexedValueType> all = new TreeMap<>();
    all.put(STATE_MACHINE_NAME, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    all.put(CURRENT_STATE, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    all.put(EXECUTION_NAME, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    return all;
  }
}
