package io.statecraft.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.activities.builtin.HttpInvokeActivity;
import io.statecraft.activities.builtin.HttpTaskSettings;
import io.statecraft.activities.sdk.TaskDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The showcase state machines in {@code examples/} call only tasks this module registers, and their
 * transitions stay inside the definition. (Full validation and execution belong to the engine and
 * the workflows module.)
 */
class ExampleDefinitionsTest {

  private static final Pattern ACTIVITY =
      Pattern.compile("arn:aws:states:[a-z0-9-]+:\\d{12}:activity:(.+)");
  private static final ObjectMapper MAPPER = TaskDispatcher.defaultObjectMapper();

  private static final Map<String, Set<String>> EXPECTED_TASKS =
      Map.of(
          "order-processing",
          Set.of(
              "ValidateOrder",
              "ReserveInventory",
              "ChargePayment",
              "ShipOrder",
              "ReleaseInventory",
              "RefundPayment"),
          "etl-pipeline",
          Set.of("ExtractRecords", "TransformRecord", "LoadRecords"),
          "fraud-detection",
          Set.of(
              "ScoreTransaction",
              "RequestManualReview",
              "ApproveTransaction",
              "DeclineTransaction"),
          "devops-automation",
          Set.of(HttpInvokeActivity.ACTIVITY_TYPE));

  @ParameterizedTest
  @ValueSource(
      strings = {"order-processing", "etl-pipeline", "fraud-detection", "devops-automation"})
  void callsOnlyRegisteredTasksAndTransitionsWithinTheDefinition(String name) throws Exception {
    JsonNode definition =
        MAPPER.readTree(Files.readString(Path.of("..", "examples", name + ".asl.json")));
    DemoServices demo = DemoServices.create(DemoSettings.defaults());
    TaskDispatcher dispatcher =
        TaskDispatcher.builder()
            .register(demo.taskObjects().toArray())
            .register(new HttpInvokeActivity(HttpTaskSettings.defaults()))
            .build();

    Set<String> called = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    walk(definition, "", called, problems);

    assertThat(problems).isEmpty();
    assertThat(called).isEqualTo(new TreeSet<>(EXPECTED_TASKS.get(name)));
    assertThat(dispatcher.taskNames()).containsAll(called);
  }

  /** Collects task names and checks StartAt/Next/Default/Catch targets of every (nested) graph. */
  private static void walk(
      JsonNode graph, String where, Set<String> called, List<String> problems) {
    JsonNode states = graph.get("States");
    String startAt = graph.path("StartAt").asText();
    if (!states.has(startAt)) {
      problems.add(where + "StartAt '" + startAt + "' is not a state");
    }
    for (Map.Entry<String, JsonNode> entry : states.properties()) {
      String at = where + entry.getKey();
      JsonNode state = entry.getValue();
      List<String> targets = new ArrayList<>();
      if (state.has("Next")) {
        targets.add(state.get("Next").asText());
      }
      if (state.has("Default")) {
        targets.add(state.get("Default").asText());
      }
      state.path("Choices").forEach(choice -> targets.add(choice.path("Next").asText()));
      state.path("Catch").forEach(c -> targets.add(c.path("Next").asText()));
      for (String target : targets) {
        if (!states.has(target)) {
          problems.add(at + " goes to '" + target + "', which is not a state of its graph");
        }
      }
      String type = state.path("Type").asText();
      boolean terminal =
          state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
      if (!terminal && !state.has("Next") && !type.equals("Choice")) {
        problems.add(at + " neither ends nor has Next");
      }
      if (type.equals("Task")) {
        called.add(taskName(state, at, problems));
      }
      state.path("Branches").forEach(branch -> walk(branch, at + "/", called, problems));
      if (state.has("ItemProcessor")) {
        walk(state.get("ItemProcessor"), at + "/", called, problems);
      }
    }
  }

  private static String taskName(JsonNode state, String at, List<String> problems) {
    String resource = state.path("Resource").asText();
    Matcher activity = ACTIVITY.matcher(resource);
    if (activity.matches()) {
      return activity.group(1);
    }
    if (resource.startsWith("arn:aws:states:::lambda:invoke")) {
      return state.path("Parameters").path("FunctionName").asText();
    }
    if (resource.equals(HttpInvokeActivity.ACTIVITY_TYPE)) {
      return resource;
    }
    problems.add(at + " uses an unexpected resource " + resource);
    return resource;
  }
}
