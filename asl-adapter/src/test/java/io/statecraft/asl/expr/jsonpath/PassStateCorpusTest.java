package io.statecraft.asl.expr.jsonpath;

import static io.statecraft.asl.expr.jsonpath.Fixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the conformance cases recorded against AWS that are a single JSONPath Pass state (InputPath,
 * Parameters or Result, ResultPath, OutputPath) through the compiled paths and templates, and
 * compares the result with AWS's. Whole state machines are the interpreter's business; these cases
 * exercise this package alone. The corpus lives outside the repository ({@code
 * -Dconformance.dir=DIR}, or {@code shared/conformance/cases} in a parent folder); without it this
 * factory yields no tests, and the unit tests still cover every rule.
 */
class PassStateCorpusTest {

  private static final Set<String> PASS_FIELDS =
      Set.of(
          "Type",
          "Parameters",
          "Result",
          "InputPath",
          "ResultPath",
          "OutputPath",
          "End",
          "Comment");

  /** Needs the payload size limit, which is the interpreter's concern. */
  private static final Set<String> OUT_OF_SCOPE =
      Set.of("error_handling.test_states_errors.test_start_large_input");

  @TestFactory
  Stream<DynamicTest> passStateCasesMatchAws() throws IOException {
    Path dir = corpusDir();
    if (dir == null) {
      return Stream.empty();
    }
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        JsonNode c = MAPPER.readTree(file.toFile());
        if (isSinglePassState(c) && !OUT_OF_SCOPE.contains(c.path("id").asText())) {
          tests.add(DynamicTest.dynamicTest(c.path("id").asText(), () -> check(c)));
        }
      }
    }
    assertThat(tests).as("single Pass-state cases in %s", dir).hasSizeGreaterThan(100);
    return tests.stream();
  }

  static Path corpusDir() {
    String configured = System.getProperty("conformance.dir", "");
    if (!configured.isBlank()) {
      return Paths.get(configured);
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/cases");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean isSinglePassState(JsonNode c) {
    JsonNode definition = c.path("definition");
    JsonNode states = definition.path("States");
    if (states.size() != 1 || definition.has("QueryLanguage")) {
      return false;
    }
    JsonNode state = states.elements().next();
    if (!"Pass".equals(state.path("Type").asText())) {
      return false;
    }
    for (String field : iterable(state.fieldNames())) {
      if (!PASS_FIELDS.contains(field)) {
        return false;
      }
    }
    return true;
  }

  private static void check(JsonNode c) throws ExpressionException {
    String stateName = c.path("definition").path("States").fieldNames().next();
    JsonNode state = c.path("definition").path("States").path(stateName);
    JsonNode input = c.path("input");
    JsonNode expected = c.path("expected");
    Set<String> skip = new HashSet<>();
    c.path("nondeterministic").forEach(p -> skip.add(p.asText()));

    JsonNode output;
    AslFailure failure = null;
    try {
      output = runPassState(stateName, state, input);
    } catch (AslFailure f) {
      failure = f;
      output = null;
    }
    if ("SUCCEEDED".equals(expected.path("status").asText())) {
      assertThat(failure).as("failure").isNull();
      if (!skip.contains("/output")) {
        assertThat(
                Fixtures.sameJson(
                    mask(output, skip, "/output"), mask(expected.path("output"), skip, "/output")))
            .as("expected %s but was %s", expected.path("output"), output)
            .isTrue();
      }
    } else {
      assertThat(failure).as("expected a failure, got %s", output).isNotNull();
      assertThat(failure.error()).isEqualTo(expected.path("error").asText());
      if (!skip.contains("/cause")) {
        String prefix =
            "An error occurred while executing the state '"
                + stateName
                + "' (entered at the event id #2). ";
        assertThat(prefix + failure.cause()).isEqualTo(expected.path("cause").asText());
      }
    }
  }

  /**
   * Pass-state data flow, enough for these cases: InputPath, Parameters/Result, ResultPath,
   * OutputPath.
   */
  private static JsonNode runPassState(String name, JsonNode state, JsonNode rawInput)
      throws ExpressionException {
    EvaluationScope scope =
        EvaluationScope.of(
            rawInput,
            context(name, rawInput),
            Variables.NONE,
            () -> Instant.EPOCH,
            Fixtures.fixedEntropy(0.5));
    JsonNode effective = select(state, "InputPath", scope);
    JsonNode result;
    if (state.has("Result")) {
      result = state.get("Result");
    } else if (state.has("Parameters")) {
      result =
          JsonPathCompiler.template(state.get("Parameters")).evaluate(scope.withInput(effective));
    } else {
      result = effective;
    }
    JsonNode afterResultPath;
    if (state.has("ResultPath") && state.get("ResultPath").isNull()) {
      afterResultPath = rawInput;
    } else {
      String resultPath = state.path("ResultPath").asText("$");
      afterResultPath = JsonPathCompiler.resultPath(resultPath).apply(rawInput, result);
    }
    return select(state, "OutputPath", scope.withInput(afterResultPath));
  }

  private static JsonNode select(JsonNode state, String field, EvaluationScope scope)
      throws ExpressionException {
    if (!state.has(field)) {
      return scope.input();
    }
    if (state.get(field).isNull()) {
      return MAPPER.createObjectNode();
    }
    CompiledPath path = JsonPathCompiler.path(state.get(field).asText());
    JsonNode value = path.evaluate(scope);
    if (value.isMissingNode()) {
      throw new AslFailure(StatesError.RUNTIME, JsonPathCompiler.noResultsCause(path));
    }
    return value;
  }

  private static JsonNode context(String stateName, JsonNode input) {
    ObjectNode context = MAPPER.createObjectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", "arn:aws:states:us-east-1:111111111111:execution:machine-name:exec");
    execution.set("Input", input);
    execution.put("Name", "exec");
    execution.put("RoleArn", "arn:aws:iam::111111111111:role/role");
    execution.put("StartTime", "2024-01-01T00:00:00.000Z");
    execution.put("RedriveCount", 0);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", "arn:aws:states:us-east-1:111111111111:stateMachine:machine-name");
    machine.put("Name", "machine-name");
    ObjectNode state = context.putObject("State");
    state.put("Name", stateName);
    state.put("EnteredTime", "2024-01-01T00:00:00.000Z");
    return context;
  }

  /** Removes the values at nondeterministic pointers (keeping the keys) before comparing. */
  private static JsonNode mask(JsonNode node, Set<String> pointers, String base) {
    JsonNode copy = node.deepCopy();
    for (String pointer : pointers) {
      if (pointer.startsWith(base + "/")) {
        String rest = pointer.substring(base.length());
        int slash = rest.lastIndexOf('/');
        JsonNode parent = copy.at(rest.substring(0, slash));
        String key = rest.substring(slash + 1);
        if (parent instanceof ObjectNode obj && obj.has(key)) {
          obj.putNull(key);
        }
      }
    }
    return copy;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
