package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.GraphChecker;
import io.statecraft.asl.validate.ValidationOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Reads an Amazon States Language definition into the model in one pass: every field is checked and
 * every path and expression compiled once, then the graph checks run, and the model is built only
 * when nothing is wrong. It never throws on a definition, however malformed: everything wrong with
 * it comes back as diagnostics. {@link io.statecraft.asl.Asl} is the usual way in.
 */
public final class AslReader {

  private AslReader() {}

  /** Reads definition text. */
  public static ReadResult read(String json, ValidationOptions options) {
    Objects.requireNonNull(options, "options");
    Problems problems = new Problems();
    return safely(
        problems, () -> readTree(DefinitionParser.parse(json, problems), options, problems));
  }

  /** Reads definition bytes, which must be UTF-8. */
  public static ReadResult read(byte[] utf8, ValidationOptions options) {
    Objects.requireNonNull(options, "options");
    Problems problems = new Problems();
    return safely(
        problems, () -> readTree(DefinitionParser.parse(utf8, problems), options, problems));
  }

  /**
   * Reads a definition already parsed. Duplicate keys cannot be detected in a tree, so prefer the
   * text when there is one.
   */
  public static ReadResult read(JsonNode definition, ValidationOptions options) {
    Objects.requireNonNull(options, "options");
    Problems problems = new Problems();
    if (definition == null || definition.isMissingNode() || definition.isNull()) {
      problems.error(DiagnosticCode.MISSING_DESCRIPTION, "The definition is empty", null);
      return new ReadResult(Optional.empty(), problems.all());
    }
    return safely(problems, () -> readTree(definition, options, problems));
  }

  // A bug in a reader must not become a crash of whoever validates a definition: it becomes a
  // diagnostic, and no state machine.
  private static ReadResult safely(Problems problems, Supplier<StateMachine> reading) {
    StateMachine machine;
    try {
      machine = reading.get();
    } catch (RuntimeException e) {
      problems.error(
          DiagnosticCode.SCHEMA_VALIDATION_FAILED,
          "The definition could not be validated because of an internal error: " + e,
          null);
      machine = null;
    }
    Optional<StateMachine> result =
        problems.hasErrors() || machine == null ? Optional.empty() : Optional.of(machine);
    return new ReadResult(result, problems.all());
  }

  private static StateMachine readTree(
      JsonNode root, ValidationOptions options, Problems problems) {
    return root == null ? null : readMachine(root, new ReadContext(problems, options));
  }

  private static StateMachine readMachine(JsonNode root, ReadContext cx) {
    if (!(root instanceof ObjectNode rootObject)) {
      cx.schema("The definition must be a JSON object, not " + kind(root), null);
      return null;
    }
    Obj top = new Obj(rootObject, Pointer.ROOT, cx);
    top.checkFields(Schemas.STATE_MACHINE, QueryLanguage.JSONPATH);
    QueryLanguage language = GraphReader.queryLanguage(top);
    cx.topLanguage(language);
    String version = top.string(Fields.VERSION);
    OptionalInt timeout = OptionalInt.empty();
    if (top.has(Fields.TIMEOUT_SECONDS)) {
      int seconds = Common.intField(top, Fields.TIMEOUT_SECONDS, 1, Common.MAX_SECONDS, 0);
      timeout = seconds == 0 ? OptionalInt.empty() : OptionalInt.of(seconds);
    }
    GraphReader.GraphRead graph = GraphReader.read(top, 0);
    checkLabels(cx);
    cx.problems.addAll(GraphChecker.check(graph.outline()));
    if (cx.problems.hasErrors() || graph.graph() == null) {
      return null;
    }
    return new StateMachine(graph.graph(), language, version, timeout, root);
  }

  // Labels name map runs, so they are unique across the state machine.
  private static void checkLabels(ReadContext cx) {
    Map<String, String> first = new HashMap<>();
    for (ReadContext.LabelUse use : cx.labels) {
      String earlier = first.putIfAbsent(use.label(), use.location());
      if (earlier != null) {
        cx.error(
            DiagnosticCode.DUPLICATE_LABEL_NAME,
            "Duplicate Label name: " + use.label() + " (also used at " + earlier + ")",
            use.location());
      }
    }
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
