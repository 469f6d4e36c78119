package io.statecraft.api.executions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.asl.Asl;
import io.statecraft.asl.interpret.StateEvaluation;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.validate.InvalidDefinitionException;
import io.statecraft.asl.validate.ResourceCheck;
import io.statecraft.asl.validate.ValidationOptions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code TestState} with the engine's interpreter and in-memory ports: the state is read as the
 * only state of a state machine whose other states are the targets it names, and evaluated once,
 * without retries. A Task state's resource is not called: the task fails with {@code
 * States.Runtime}, which a Catch of the state can take.
 */
final class InterpreterTestStates implements TestStates {

  /** The name the state is evaluated under; TestState's input has none. */
  static final String STATE = "TestState";

  private final ObjectMapper json;
  private final ResourceCheck resources;

  InterpreterTestStates(ObjectMapper json, ResourceCheck resources) {
    this.json = json;
    this.resources = resources;
  }

  @Override
  public ExecutionService.TestStateResult test(ExecutionService.TestStateCommand command) {
    JsonNode state = read(command.definition(), "/definition");
    if (!state.isObject()) {
      throw ApiException.validation("/definition", null, "Member must be a JSON object: a state");
    }
    ObjectNode machine = json.createObjectNode();
    machine.put("StartAt", STATE);
    ObjectNode states = machine.putObject("States");
    states.set(STATE, state);
    for (String target : targets(state)) {
      if (!target.equals(STATE)) {
        states.putObject(target).put("Type", "Succeed");
      }
    }
    StateMachine read;
    try {
      read = Asl.read(machine, ValidationOptions.DEFAULTS.withResourceCheck(resources));
    } catch (InvalidDefinitionException e) {
      throw new ApiException(
          ErrorCode.INVALID_DEFINITION,
          "Invalid State Machine Definition: '"
              + e.errors().stream()
                  .map(
                      d ->
                          d.code()
                              + (d.location() == null
                                  ? ""
                                  : " at " + d.location().replace("/States/" + STATE, ""))
                              + ": "
                              + d.message())
                  .collect(Collectors.joining("; "))
              + "'");
    }
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    if (command.variables() != null) {
      read(command.variables(), "/variables")
          .properties()
          .forEach(e -> variables.put(e.getKey(), e.getValue()));
    }
    StateEvaluation result =
        new InMemoryRunner()
            .evaluate(read.graph().state(STATE), read(command.input(), "/input"), variables);
    ObjectNode after = json.createObjectNode();
    result.variables().forEach(after::set);
    return new ExecutionService.TestStateResult(
        result.output() == null ? null : write(result.output()),
        result.error(),
        result.cause(),
        null,
        result.nextState(),
        result.status().name(),
        write(after));
  }

  /** Every state name the state transitions to. */
  private static Set<String> targets(JsonNode state) {
    Set<String> targets = new LinkedHashSet<>();
    text(state.get("Next"), targets);
    text(state.get("Default"), targets);
    for (JsonNode rule : iterable(state.get("Choices"))) {
      text(rule.get("Next"), targets);
    }
    for (JsonNode catcher : iterable(state.get("Catch"))) {
      text(catcher.get("Next"), targets);
    }
    return targets;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node != null && node.isArray() ? node : java.util.List.of();
  }

  private static void text(JsonNode node, Set<String> into) {
    if (node != null && node.isTextual() && !node.textValue().isEmpty()) {
      into.add(node.textValue());
    }
  }

  private JsonNode read(String text, String pointer) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.validation(
          pointer, null, "Member must be JSON: " + e.getOriginalMessage());
    }
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot be written", e);
    }
  }
}
