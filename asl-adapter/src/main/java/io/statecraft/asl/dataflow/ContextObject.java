package io.statecraft.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The context object: what {@code $$} (JSONPath) and {@code $states.context} (JSONata) show about
 * the execution, the state being run, the task token and the current Map item.
 *
 * <p>It is a plain record so that it can cross a Temporal boundary (continue-as-new, child
 * workflows) unchanged; {@link #toJson()} gives the JSON that expressions see, with AWS's field
 * names.
 *
 * @param execution {@code $$.Execution}
 * @param stateMachine {@code $$.StateMachine}
 * @param state {@code $$.State}, or {@code null} outside a state
 * @param task {@code $$.Task}, or {@code null} unless a task token was issued
 * @param map {@code $$.Map}, or {@code null} outside a Map state's ItemSelector
 */
public record ContextObject(
    ExecutionInfo execution,
    StateMachineInfo stateMachine,
    StateInfo state,
    TaskInfo task,
    MapInfo map) {

  public ContextObject {
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(stateMachine, "stateMachine");
  }

  /** The context of an execution that has not entered a state yet. */
  public static ContextObject of(ExecutionInfo execution, StateMachineInfo stateMachine) {
    return new ContextObject(execution, stateMachine, null, null, null);
  }

  /**
   * {@code $$.Execution}.
   *
   * @param id the execution ARN
   * @param input the execution input
   * @param name the execution name
   * @param roleArn the role the execution runs as
   * @param startTime when the execution started, in {@link Timestamps#format} form
   * @param redriveCount how many times the execution was redriven
   */
  public record ExecutionInfo(
      String id,
      @JsonDeserialize(using = ExactJson.class) JsonNode input,
      String name,
      String roleArn,
      String startTime,
      int redriveCount) {
    public ExecutionInfo {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(startTime, "startTime");
    }
  }

  /**
   * {@code $$.StateMachine}.
   *
   * @param id the state machine ARN
   * @param name the state machine name
   */
  public record StateMachineInfo(String id, String name) {
    public StateMachineInfo {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code $$.State}.
   *
   * @param name the state's name
   * @param enteredTime when the state was entered, in {@link Timestamps#format} form
   * @param retryCount the number of retries so far; {@code null} for states that cannot retry (AWS
   *     shows {@code RetryCount} only for Task, Parallel and Map states)
   */
  public record StateInfo(String name, String enteredTime, Integer retryCount) {
    public StateInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(enteredTime, "enteredTime");
    }
  }

  /**
   * {@code $$.Task}.
   *
   * @param token the task token of a {@code .waitForTaskToken} task
   */
  public record TaskInfo(String token) {
    public TaskInfo {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * {@code $$.Map.Item}.
   *
   * @param index the item's zero-based index
   * @param value the item
   */
  public record MapInfo(int index, @JsonDeserialize(using = ExactJson.class) JsonNode value) {
    public MapInfo {
      Objects.requireNonNull(value, "value");
    }
  }

  public ContextObject withState(StateInfo newState) {
    return new ContextObject(execution, stateMachine, newState, null, null);
  }

  /** The same state with another retry count. */
  public ContextObject withRetryCount(int retryCount) {
    if (state == null) {
      throw new IllegalStateException("no state has been entered");
    }
    return new ContextObject(
        execution,
        stateMachine,
        new StateInfo(state.name(), state.enteredTime(), retryCount),
        task,
        map);
  }

  public ContextObject withTask(TaskInfo newTask) {
    return new ContextObject(execution, stateMachine, state, newTask, map);
  }

  public ContextObject withMap(MapInfo newMap) {
    return new ContextObject(execution, stateMachine, state, task, newMap);
  }

  /** The context outside any state: what a new scope (branch, iteration, new run) starts with. */
  public ContextObject withoutState() {
    return new ContextObject(execution, stateMachine, null, null, null);
  }

  /** The JSON that {@code $$} denotes, with AWS's field names and order. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode exec = root.putObject("Execution");
    exec.put("Id", execution.id());
    exec.set("Input", execution.input());
    exec.put("StartTime", execution.startTime());
    exec.put("Name", execution.name());
    if (execution.roleArn() != null) {
      exec.put("RoleArn", execution.roleArn());
    }
    exec.put("RedriveCount", execution.redriveCount());
    ObjectNode sm = root.putObject("StateMachine");
    sm.put("Id", stateMachine.id());
    sm.put("Name", stateMachine.name());
    if (state != null) {
      ObjectNode st = root.putObject("State");
      st.put("Name", state.name());
      st.put("EnteredTime", state.enteredTime());
      if (state.retryCount() != null) {
        st.put("RetryCount", state.retryCount());
      }
    }
    if (task != null) {
      root.putObject("Task").put("Token", task.token());
    }
    if (map != null) {
      ObjectNode item = root.putObject("Map").putObject("Item");
      item.put("Index", map.index());
      item.set("Value", map.value());
    }
    return root;
  }
}
