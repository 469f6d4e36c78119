package io.statecraft.asl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefinitionParserTest {

  private static final String VALID =
      "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t"})
  void anEmptyDefinitionIsMissing(String json) {
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(DiagnosticCode.MISSING_DESCRIPTION, null));
  }

  @Test
  void aSyntaxErrorIsReportedWithLineAndColumnAndTheObjectItIsIn() {
    List<Diagnostic> found =
        Found.diagnostics("{\"StartAt\": \"A\",\n \"States\": {\"A\": {\"Type\": \"Succeed\",}}}");
    assertThat(found).hasSize(1);
    Diagnostic d = found.get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_JSON_DESCRIPTION);
    assertThat(d.message()).startsWith("Invalid JSON: ").contains("(line 2, column ");
    assertThat(d.location()).isEqualTo("/States/A");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"StartAt\": }", "nul", "{\"a\" 1}", "[1, 2", "\"unterminated"})
  void truncatedOrMalformedJsonIsInvalid(String json) {
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCode.INVALID_JSON_DESCRIPTION);
  }

  @Test
  void contentAfterTheDefinitionIsInvalid() {
    assertThat(Found.diagnostics(VALID + "\n {}"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_JSON_DESCRIPTION);
              assertThat(d.message())
                  .startsWith("Invalid JSON: unexpected content after the end of the definition")
                  .contains("line 2");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "42", "\"text\"", "true", "null"})
  void aDefinitionThatIsNotAnObjectIsASchemaError(String json) {
    assertThat(Found.diagnostics(json))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
              assertThat(d.message()).startsWith("The definition must be a JSON object");
              assertThat(d.location()).isNull();
            });
  }

  @Test
  void duplicateStateNamesAreReportedAtTheSecondOccurrence() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Succeed"},
          "A": {"Type": "Fail"}
        }}
        """;
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(DiagnosticCode.DUPLICATE_STATE_NAME, "Duplicate State name: A", "/States/A"));
  }

  @Test
  void duplicateStateNamesInsideBranchesAndProcessorsAreStateNamesToo() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "M", "Branches": [
            {"StartAt": "X", "States": {"X": {"Type": "Succeed"}, "X": {"Type": "Succeed"}}}]},
          "M": {"Type": "Map", "End": true, "ItemProcessor": {
            "StartAt": "Y", "States": {"Y": {"Type": "Succeed"}, "Y": {"Type": "Succeed"}}}}
        }}
        """;
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            tuple(DiagnosticCode.DUPLICATE_STATE_NAME, "/States/P/Branches/0/States/X"),
            tuple(DiagnosticCode.DUPLICATE_STATE_NAME, "/States/M/ItemProcessor/States/Y"));
  }

  @Test
  void locationsEscapeSlashAndTildeInNames() {
    String json =
        "{\"StartAt\": \"a/b~c\", \"States\": {\"a/b~c\": {\"Type\": \"Succeed\"}, \"a/b~c\":"
            + " {\"Type\": \"Succeed\"}}}";
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::location)
        .containsExactly("/States/a~1b~0c");
  }

  @Test
  void anyOtherDuplicateKeyIsASchemaError() {
    String json =
        """
        {"StartAt": "A", "States": {"A": {"Type": "Succeed", "Type": "Fail"}},
         "Comment": "x", "Comment": "y"}
        """;
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/A/Type"),
            tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/Comment"));
  }

  @Test
  void tenThousandLevelsOfNestingAreADiagnosticNotAStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String json =
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": "
            + deep
            + ", \"End\": true}}}";
    assertThat(Found.diagnostics(json))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_JSON_DESCRIPTION);
              assertThat(d.message())
                  .isEqualTo(
                      "The definition exceeds a JSON processing limit: Document nesting depth"
                          + " (1001) exceeds the maximum allowed (1000)");
            });
  }

  @Test
  void hugeNumbersAreReadWithoutLosingThem() {
    String json =
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": {\"big\": "
            + "1e400, \"int\": 123456789012345678901234567890, \"tiny\": 1e-400}, \"End\": true}}}";
    ReadResult result = AslReader.read(json, ValidationOptions.DEFAULTS);
    assertThat(result.diagnostics()).isEmpty();
    var source = result.stateMachine().orElseThrow().source();
    assertThat(source.at("/States/A/Result/big").decimalValue().toString()).isEqualTo("1E+400");
    assertThat(source.at("/States/A/Result/int").bigIntegerValue().toString())
        .isEqualTo("123456789012345678901234567890");
    assertThat(source.at("/States/A/Result/tiny").decimalValue().signum()).isEqualTo(1);
  }

  @Test
  void aNumberLongerThanJacksonAllowsIsADiagnostic() {
    String json =
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": "
            + "9".repeat(5000)
            + ", \"End\": true}}}";
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCode.INVALID_JSON_DESCRIPTION);
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertThat(Found.diagnostics("\uFEFF" + VALID)).isEmpty();
  }

  @Test
  void bytesMustBeUtf8() {
    byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
    assertThat(AslReader.read(bytes, ValidationOptions.DEFAULTS).hasErrors()).isFalse();
    byte[] latin1 =
        "{\"StartAt\": \"Ä\", \"States\": {\"Ä\": {\"Type\": \"Succeed\"}}}"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(AslReader.read(latin1, ValidationOptions.DEFAULTS).diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_JSON_DESCRIPTION);
              assertThat(d.message()).contains("not valid UTF-8").contains("byte offset 13");
            });
  }

  @Test
  void unicodeStateNamesSurviveTheRoundTrip() {
    String json = "{\"StartAt\": \"Ä😀\", \"States\": {\"Ä😀\": {\"Type\": \"Succeed\"}}}";
    ReadResult result =
        AslReader.read(json.getBytes(StandardCharsets.UTF_8), ValidationOptions.DEFAULTS);
    assertThat(result.stateMachine().orElseThrow().graph().startAt()).isEqualTo("Ä😀");
  }
}
