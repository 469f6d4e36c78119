package io.statecraft.asl.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.Asl;
import io.statecraft.asl.read.AslReader;
import io.statecraft.asl.read.ReadResult;
import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.InvalidDefinitionException;
import io.statecraft.asl.validate.Severity;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.asl.validate.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The reader and the validator, fed definitions of the grammar, mutated definitions and broken JSON
 * text: they answer every one with diagnostics (or a state machine), never with an exception; every
 * diagnostic points into the definition; reading succeeds exactly when validation says OK.
 */
class ReaderProperties {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ValidationOptions ALL =
      ValidationOptions.DEFAULTS.withSeverity(Severity.WARNING);

  @Property(tries = 2500, seed = "7301", edgeCases = EdgeCasesMode.NONE)
  void everyDefinitionGetsDiagnosticsOrAStateMachineNeverAnException(
      @ForAll("definitionTexts") String text) {
    ReadResult read = AslReader.read(text, ALL);
    assertThat(read.diagnostics())
        .as("diagnostics of %s", text)
        .noneMatch(d -> d.message().contains("internal error"));
    assertThat(read.stateMachine().isPresent()).isEqualTo(!read.hasErrors());
    checkLocations(text, read.diagnostics());

    ValidationResult validated = Asl.validate(text, ALL);
    assertThat(validated.ok()).as("validate OK iff read succeeds").isEqualTo(!read.hasErrors());
    assertThat(validated.diagnostics()).hasSizeLessThanOrEqualTo(100);
    assertThat(validated.truncated()).isEqualTo(read.diagnostics().size() > 100);
    ValidationResult errorsOnly = Asl.validate(text);
    assertThat(errorsOnly.ok()).isEqualTo(validated.ok());
    assertThat(errorsOnly.diagnostics()).allMatch(Diagnostic::isError);

    Throwable thrown = catchThrowable(() -> Asl.read(text));
    if (read.hasErrors()) {
      assertThat(thrown).isInstanceOf(InvalidDefinitionException.class);
      assertThat(((InvalidDefinitionException) thrown).errors()).isNotEmpty();
    } else {
      assertThat(thrown).isNull();
    }

    if (StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
      ReadResult fromBytes = AslReader.read(text.getBytes(StandardCharsets.UTF_8), ALL);
      assertThat(fromBytes.diagnostics()).isEqualTo(read.diagnostics());
    }
    JsonNode tree = parse(text);
    if (tree != null) {
      assertThatCode(() -> AslReader.read(tree, ALL)).doesNotThrowAnyException();
      ReadResult fromTree = AslReader.read(tree, ALL);
      assertThat(fromTree.diagnostics()).noneMatch(d -> d.message().contains("internal error"));
      if (!read.hasErrors()) {
        assertThat(fromTree.hasErrors()).as("a tree reads like its text").isFalse();
      }
    }
    Statistics.label("outcome").collect(read.hasErrors() ? "diagnostics" : "state machine");
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("diagnostics").percentage(p -> p > 30);
              c.check("state machine").percentage(p -> p > 30);
            });
  }

  @Property(tries = 1000, seed = "7302", edgeCases = EdgeCasesMode.NONE)
  void grammarDefinitionsAreValid(@ForAll("grammarDefinitions") String text) {
    ReadResult read = AslReader.read(text, ValidationOptions.DEFAULTS);
    assertThat(read.diagnostics()).as("%s", text).noneMatch(Diagnostic::isError);
  }

  @Provide
  Arbitrary<String> definitionTexts() {
    return Gen.frequency(
        Gen.w(3, DefinitionArbitraries.definitions().map(JsonNode::toString)),
        Gen.w(5, DefinitionArbitraries.mutatedDefinitions().map(JsonNode::toString)),
        Gen.w(2, Mutations.of(DefinitionArbitraries.definitions().map(JsonNode::toString))),
        Gen.w(1, JsonArbitraries.inputs().map(JsonNode::toString)));
  }

  @Provide
  Arbitrary<String> grammarDefinitions() {
    return DefinitionArbitraries.definitions().map(JsonNode::toPrettyString);
  }

  /** Every location is a JSON pointer that resolves in the definition. */
  private static void checkLocations(String text, List<Diagnostic> diagnostics) {
    JsonNode tree = parse(text);
    for (Diagnostic d : diagnostics) {
      if (d.location() == null) {
        continue;
      }
      assertThat(d.location()).as("%s", d).startsWith("/");
      if (tree != null) {
        assertThat(tree.at(d.location()).isMissingNode())
            .as("location of %s in %s", d, text)
            .isFalse();
      }
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      return null;
    }
  }
}
