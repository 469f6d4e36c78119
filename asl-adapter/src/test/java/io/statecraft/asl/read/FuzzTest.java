package io.statecraft.asl.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Asl;
import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.Severity;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.asl.validate.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated definitions, generated from a fixed seed: the reader answers
 * every one with diagnostics (or a state machine), never with an exception, and every location it
 * gives points into the definition.
 */
class FuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> SEEDS =
      List.of(
          "choice-operators.json",
          "context-and-intrinsics.json",
          "fail-paths.json",
          "jsonata-machine.json",
          "map-distributed.json",
          "map-iterator-legacy.json",
          "mixed-query-languages.json",
          "parallel-retry-catch.json",
          "pass-data-flow.json",
          "task-everything.json",
          "variables.json",
          "wait-variants.json");

  private static final List<String> FIELD_NAMES =
      List.of(
          "Type",
          "Next",
          "End",
          "StartAt",
          "States",
          "Branches",
          "ItemProcessor",
          "Iterator",
          "Choices",
          "Default",
          "Variable",
          "And",
          "Or",
          "Not",
          "Condition",
          "Retry",
          "Catch",
          "ErrorEquals",
          "BackoffRate",
          "IntervalSeconds",
          "MaxAttempts",
          "MaxDelaySeconds",
          "Resource",
          "Parameters",
          "ResultPath",
          "InputPath",
          "OutputPath",
          "ResultSelector",
          "Arguments",
          "Output",
          "Assign",
          "QueryLanguage",
          "Seconds",
          "SecondsPath",
          "Timestamp",
          "Items",
          "ItemsPath",
          "ItemSelector",
          "MaxConcurrency",
          "Label",
          "ItemReader",
          "ReaderConfig",
          "ItemBatcher",
          "ResultWriter",
          "ProcessorConfig",
          "Mode",
          "Credentials",
          "TimeoutSeconds",
          "HeartbeatSeconds",
          "Error",
          "Cause",
          "ErrorPath",
          "x.$",
          "key.$");

  private static final List<String> STRINGS =
      List.of(
          "",
          "$",
          "$.",
          "$.a",
          "$$.Execution.Id",
          "$..a",
          "$.a[*]",
          "$.a[?(@.b > 1)]",
          "$var",
          "States.ALL",
          "States.Format('{}', $.a)",
          "States.MathAdd(",
          "States.Nope()",
          "States.Array(1, 2",
          "{% 1 + %}",
          "{% $states.input %}",
          "{%%}",
          "{% %}",
          "JSONata",
          "JSONPath",
          "Pass",
          "Task",
          "Choice",
          "Map",
          "Parallel",
          "Wait",
          "Succeed",
          "Fail",
          "DISTRIBUTED",
          "INLINE",
          "FULL",
          "arn:aws:states:::lambda:invoke",
          "arn:",
          "2024-01-01T00:00:00Z",
          "\u0000",
          "\uD800",
          "😀",
          "/~",
          "~1",
          "a/b~c");

  @Test
  void randomAndMutatedDefinitionsOnlyEverGetDiagnostics() throws JsonProcessingException {
    Random random = new Random(20240607L);
    List<JsonNode> seeds = new ArrayList<>();
    for (String name : SEEDS) {
      seeds.add(JSON.readTree(ProjectDefinitionsTest.resource(name)));
    }
    int failures = 0;
    int machines = 0;
    for (int i = 0; i < 4000; i++) {
      String text =
          switch (i % 4) {
            case 0 -> garbage(random);
            case 1 -> corruptText(random, JSON.writeValueAsString(pick(random, seeds)));
            default ->
                JSON.writeValueAsString(
                    mutate(random, pick(random, seeds).deepCopy(), 1 + random.nextInt(4)));
          };
      ReadResult result = AslReader.read(text, ValidationOptions.DEFAULTS);
      checkLocations(text, result.diagnostics());
      assertThat(result.diagnostics())
          .as("for %s", text)
          .noneMatch(d -> d.message().contains("internal error"));
      assertThat(result.stateMachine().isPresent()).isNotEqualTo(result.hasErrors());
      ValidationResult validated =
          Asl.validate(text, ValidationOptions.DEFAULTS.withSeverity(Severity.WARNING));
      assertThat(validated.ok()).isEqualTo(!result.hasErrors());
      assertThat(validated.diagnostics().size()).isLessThanOrEqualTo(100);
      if (result.hasErrors()) {
        failures++;
      } else {
        machines++;
      }
    }
    // The generator must produce both kinds, or it tests nothing.
    assertThat(failures).isGreaterThan(1000);
    assertThat(machines).isGreaterThan(10);
  }

  private static void checkLocations(String text, List<Diagnostic> diagnostics) {
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JsonProcessingException | RuntimeException e) {
      return;
    }
    for (Diagnostic d : diagnostics) {
      if (d.location() != null && tree != null) {
        assertThat(tree.at(d.location()).isMissingNode())
            .as("location %s of %s in %s", d.location(), d, text)
            .isFalse();
      }
    }
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String garbage(Random random) {
    StringBuilder sb = new StringBuilder();
    String alphabet = "{}[]\":,0123456789.-+eEtrufalsn \\/$%{}abcStatesNextEnd";
    int length = random.nextInt(200);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String corruptText(Random random, String text) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, "{}[]\",:\\x".charAt(random.nextInt(9)));
        default -> sb.setLength(at);
      }
    }
    return sb.toString();
  }

  private static JsonNode randomValue(Random random, int depth) {
    return switch (random.nextInt(depth > 3 ? 6 : 9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextInt(2001) - 1000);
      case 3 -> NODES.numberNode(random.nextGaussian() * 1e6);
      case 4, 5 -> NODES.textNode(pick(random, STRINGS));
      case 6 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(pick(random, FIELD_NAMES), randomValue(random, depth + 1));
        }
        yield object;
      }
    };
  }

  /** Applies random edits to random objects of the tree. */
  private static JsonNode mutate(Random random, JsonNode root, int edits) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    for (int e = 0; e < edits && !objects.isEmpty(); e++) {
      ObjectNode target = pick(random, objects);
      List<String> names = new ArrayList<>();
      target.fieldNames().forEachRemaining(names::add);
      switch (random.nextInt(6)) {
        case 0 -> {
          if (!names.isEmpty()) {
            target.remove(pick(random, names));
          }
        }
        case 1 -> {
          if (!names.isEmpty()) {
            target.set(pick(random, names), randomValue(random, 0));
          }
        }
        case 2 -> target.set(pick(random, FIELD_NAMES), randomValue(random, 0));
        case 3 -> {
          if (!names.isEmpty()) {
            String name = pick(random, names);
            JsonNode value = target.remove(name);
            target.set(name + random.nextInt(3), value);
          }
        }
        case 4 -> {
          // Copy another object's content in, to create cross-graph names and odd shapes.
          ObjectNode other = pick(random, objects);
          for (Map.Entry<String, JsonNode> field : other.properties()) {
            if (random.nextBoolean()) {
              target.set(field.getKey(), field.getValue().deepCopy());
            }
          }
        }
        default -> {
          if (!names.isEmpty()) {
            String name = pick(random, names);
            target.set(name, NODES.textNode(pick(random, STRINGS)));
          }
        }
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode object) {
      out.add(object);
    }
    for (JsonNode child : node) {
      collect(child, out);
    }
  }
}
