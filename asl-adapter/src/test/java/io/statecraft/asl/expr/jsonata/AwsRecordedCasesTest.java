package io.statecraft.asl.expr.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Template;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases of the conformance corpus recorded against AWS whose outcome is decided by JSONata
 * evaluation alone: a single Pass state with Output or Assign, a single Map state whose Items is
 * JSONata and whose iterations pass their item through, a single Fail state with JSONata Error and
 * Cause. Each is evaluated with this package only and compared with what AWS recorded: the output,
 * or the error and the cause after the interpreter's "An error occurred while executing the state"
 * prefix.
 *
 * <p>The corpus is found through the {@code conformance.dir} system property, or beside the clone
 * as CI places it; {@code STATECRAFT_CONFORMANCE_REQUIRED=1} makes its absence a failure.
 */
class AwsRecordedCasesTest {

  private static final Pattern PREFIX =
      Pattern.compile(
          "^An error occurred while executing the state '[^']*' \\(entered at the event"
              + " id #\\d+\\)\\. ");

  private static final Set<String> PASS_FIELDS =
      Set.of("Type", "QueryLanguage", "Output", "Assign", "End", "Comment");
  private static final Set<String> MAP_FIELDS =
      Set.of(
          "Type",
          "QueryLanguage",
          "Items",
          "ItemProcessor",
          "End",
          "MaxConcurrency",
          "ToleratedFailureCount",
          "ToleratedFailurePercentage",
          "Comment");

  /** The cases, or none when the corpus is not on this machine. */
  static List<Path> cases() throws IOException {
    Path dir = corpus();
    if (dir == null) {
      if ("1".equals(System.getenv("STATECRAFT_CONFORMANCE_REQUIRED"))) {
        fail("The conformance corpus is required but was not found");
      }
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Path corpus() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty("conformance.dir", "");
    if (!configured.isBlank()) {
      candidates.add(Path.of(configured));
      candidates.add(Path.of(configured, "cases"));
    }
    candidates.add(Path.of("..", "..", "shared", "conformance", "cases"));
    for (Path p : candidates) {
      if (Files.isDirectory(p) && p.getFileName().toString().equals("cases")) {
        return p;
      }
    }
    return null;
  }

  @TestFactory
  Stream<DynamicTest> casesDecidedByJsonataAlone() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> files = cases();
    for (Path file : files) {
      JsonNode c = Scopes.MAPPER.readTree(file.toFile());
      Runnable check = checkFor(c);
      if (check != null) {
        tests.add(DynamicTest.dynamicTest(c.get("id").asText(), check::run));
      }
    }
    if (!files.isEmpty()) {
      // The selection must keep finding the cases it was written for.
      assertThat(tests).hasSizeGreaterThanOrEqualTo(45);
    }
    return tests.stream();
  }

  private static Runnable checkFor(JsonNode c) {
    JsonNode definition = c.get("definition");
    JsonNode states = definition.get("States");
    if (states.size() != 1 || c.has("nondeterministic")) {
      return null;
    }
    Map.Entry<String, JsonNode> only = states.properties().iterator().next();
    JsonNode state = only.getValue();
    String language =
        state.has("QueryLanguage")
            ? state.get("QueryLanguage").asText()
            : definition.path("QueryLanguage").asText("JSONPath");
    if (!language.equals("JSONata")) {
      return null;
    }
    JsonNode input = c.get("input");
    JsonNode expected = c.get("expected");
    return switch (state.get("Type").asText()) {
      case "Pass" -> onlyFields(state, PASS_FIELDS) ? () -> pass(state, input, expected) : null;
      case "Map" ->
          onlyFields(state, MAP_FIELDS) && passesItemsThrough(state)
              ? () -> map(state, input, expected)
              : null;
      case "Fail" -> () -> failState(state, input, expected);
      default -> null;
    };
  }

  private static boolean onlyFields(JsonNode state, Set<String> allowed) {
    Iterator<String> names = state.fieldNames();
    while (names.hasNext()) {
      if (!allowed.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean passesItemsThrough(JsonNode map) {
    JsonNode processor = map.get("ItemProcessor");
    JsonNode states = processor.path("States");
    if (states.size() != 1) {
      return false;
    }
    JsonNode only = states.elements().next();
    return only.path("Type").asText().equals("Pass") && only.size() == 2 && only.has("End");
  }

  private static EvaluationScope scope(JsonNode input) {
    return Scopes.scope(input, Map.of());
  }

  private static void pass(JsonNode state, JsonNode input, JsonNode expected) {
    EvaluationScope scope = scope(input);
    JsonNode output = input;
    try {
      if (state.has("Assign")) {
        compile(state.get("Assign"), "Assign").evaluate(scope);
      }
      if (state.has("Output")) {
        output = compile(state.get("Output"), "Output").evaluate(scope);
      }
    } catch (AslFailure failure) {
      assertFailed(expected, failure.error(), failure.cause());
      return;
    }
    assertSucceeded(expected, output);
  }

  private static void map(JsonNode state, JsonNode input, JsonNode expected) {
    EvaluationScope scope = scope(input);
    JsonNode items;
    try {
      for (String field :
          List.of("MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage")) {
        if (state.has(field)) {
          JsonNode value = compile(state.get(field), field).evaluate(scope);
          assertThat(value.isNumber()).as(field + " evaluates to a number").isTrue();
        }
      }
      JsonNode source = state.get("Items");
      items = compile(source, "Items").evaluate(scope);
      if (!items.isArray()) {
        // The Map state's own check, which the interpreter makes with this package's wording.
        assertThat(JsonataCompiler.isExpression(source)).isTrue();
        String text = JsonataCompiler.body(source.asText());
        throw JsonataErrors.failure(
            JsonataErrors.unexpectedResultType(text, "Items", "array", items));
      }
    } catch (AslFailure failure) {
      assertFailed(expected, failure.error(), failure.cause());
      return;
    }
    assertSucceeded(expected, items);
  }

  private static void failState(JsonNode state, JsonNode input, JsonNode expected) {
    EvaluationScope scope = scope(input);
    String error = null;
    String cause = null;
    if (state.has("Error")) {
      error = compile(state.get("Error"), "Error").evaluate(scope).asText();
    }
    if (state.has("Cause")) {
      cause = compile(state.get("Cause"), "Cause").evaluate(scope).asText();
    }
    assertThat(expected.get("status").asText()).isEqualTo("FAILED");
    assertThat(error).isEqualTo(expected.path("error").asText(null));
    assertThat(cause).isEqualTo(expected.path("cause").asText(null));
  }

  private static Template compile(JsonNode source, String field) {
    try {
      return JsonataCompiler.template(source, field);
    } catch (Exception e) {
      throw new AssertionError("does not compile: " + source, e);
    }
  }

  private static void assertSucceeded(JsonNode expected, JsonNode actual) {
    assertThat(expected.get("status").asText())
        .as("AWS failed this case with %s", expected.path("cause"))
        .isEqualTo("SUCCEEDED");
    assertThat(actual).isNotInstanceOf(MissingNode.class);
    assertThat(sameJson(expected.get("output"), actual))
        .as("output %s, AWS recorded %s", actual, expected.get("output"))
        .isTrue();
  }

  private static void assertFailed(JsonNode expected, String error, String cause) {
    assertThat(expected.get("status").asText())
        .as("AWS succeeded; this evaluation failed with %s", cause)
        .isEqualTo("FAILED");
    assertThat(error).isEqualTo(expected.get("error").asText());
    String recorded = PREFIX.matcher(expected.get("cause").asText()).replaceFirst("");
    assertThat(cause).isEqualTo(recorded);
  }

  /** JSON equality with numbers compared by value, as the corpus README prescribes. */
  static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        if (!b.has(e.getKey()) || !sameJson(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
