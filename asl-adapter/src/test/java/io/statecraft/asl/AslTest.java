package io.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.InvalidDefinitionException;
import io.statecraft.asl.validate.Severity;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.asl.validate.ValidationResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AslTest {

  private static final String VALID =
      "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": 1, \"End\":"
          + " true}}}";

  private static final String WITH_WARNING =
      "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Fail\", \"Error\": \"$.e\"}}}";

  /** A definition with {@code n} unreachable states: n errors. */
  private static String unreachable(int n) {
    StringBuilder json =
        new StringBuilder("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}");
    for (int i = 0; i < n; i++) {
      json.append(", \"U").append(i).append("\": {\"Type\": \"Succeed\"}");
    }
    return json.append("}}").toString();
  }

  @Test
  void readsAValidDefinition() {
    StateMachine machine = Asl.read(VALID);
    assertThat(machine.graph().startAt()).isEqualTo("A");
    assertThat(Asl.read(VALID.getBytes(StandardCharsets.UTF_8), ValidationOptions.DEFAULTS))
        .isEqualTo(machine);
  }

  @Test
  void readsAParsedDefinition() throws Exception {
    StateMachine machine = Asl.read(new ObjectMapper().readTree(VALID));
    assertThat(machine.graph().states()).containsOnlyKeys("A");
  }

  @Test
  void readingAnInvalidDefinitionThrowsOneExceptionWithEveryError() {
    assertThatThrownBy(() -> Asl.read(unreachable(3)))
        .isInstanceOfSatisfying(
            InvalidDefinitionException.class,
            e ->
                assertThat(e.errors())
                    .extracting(Diagnostic::location)
                    .containsExactly("/States/U0", "/States/U1", "/States/U2"));
  }

  @Test
  void aValidDefinitionIsOkWithoutDiagnostics() {
    ValidationResult result = Asl.validate(VALID);
    assertThat(result.result()).isEqualTo(ValidationResult.Result.OK);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void warningsAreOnlyReturnedWhenAskedForAndNeverFail() {
    ValidationResult byDefault = Asl.validate(WITH_WARNING);
    assertThat(byDefault.ok()).isTrue();
    assertThat(byDefault.diagnostics()).isEmpty();

    ValidationResult withWarnings =
        Asl.validate(WITH_WARNING, ValidationOptions.DEFAULTS.withSeverity(Severity.WARNING));
    assertThat(withWarnings.ok()).isTrue();
    assertThat(withWarnings.diagnostics())
        .extracting(Diagnostic::severity, Diagnostic::code)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(Severity.WARNING, DiagnosticCode.NO_PATH));
    assertThat(Asl.read(WITH_WARNING).graph().states()).containsOnlyKeys("A");
  }

  @Test
  void returnsAtMostOneHundredDiagnosticsAndSaysWhenThereWereMore() {
    ValidationResult result = Asl.validate(unreachable(150));
    assertThat(result.result()).isEqualTo(ValidationResult.Result.FAIL);
    assertThat(result.diagnostics()).hasSize(100);
    assertThat(result.truncated()).isTrue();

    ValidationResult exactly = Asl.validate(unreachable(100));
    assertThat(exactly.diagnostics()).hasSize(100);
    assertThat(exactly.truncated()).isFalse();
  }

  @Test
  void maxResultsCapsTheDiagnosticsAndZeroMeansTheDefault() {
    ValidationResult five =
        Asl.validate(unreachable(7), ValidationOptions.DEFAULTS.withMaxResults(5));
    assertThat(five.diagnostics())
        .extracting(Diagnostic::location)
        .containsExactly("/States/U0", "/States/U1", "/States/U2", "/States/U3", "/States/U4");
    assertThat(five.truncated()).isTrue();

    ValidationOptions zero = ValidationOptions.DEFAULTS.withMaxResults(0);
    assertThat(zero.maxResults()).isEqualTo(100);
    assertThat(Asl.validate(unreachable(7), zero).diagnostics()).hasSize(7);
  }

  @Test
  void maxResultsOutsideAwsRangeIsRefused() {
    assertThatThrownBy(() -> ValidationOptions.DEFAULTS.withMaxResults(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResults must be between 0 and 100, was 101");
    assertThatThrownBy(() -> ValidationOptions.DEFAULTS.withMaxResults(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theResultIsDecidedOnErrorsEvenWhenTheyAreTruncatedAway() {
    // Warnings come first here; with maxResults 1 only a warning is returned, but it still fails.
    String json =
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Fail\", \"Error\": \"$.e\"}, \"B\":"
            + " {\"Type\": \"Succeed\"}}}";
    ValidationResult result =
        Asl.validate(
            json, ValidationOptions.DEFAULTS.withSeverity(Severity.WARNING).withMaxResults(1));
    assertThat(result.result()).isEqualTo(ValidationResult.Result.FAIL);
    assertThat(result.diagnostics())
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING);
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void aResultSerializesToTheShapeOfAwsResponse() throws Exception {
    String json = new ObjectMapper().writeValueAsString(Asl.validate(unreachable(1)));
    assertThat(new ObjectMapper().readTree(json))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"result\": \"FAIL\", \"truncated\": false, \"diagnostics\": [{\"severity\":"
                        + " \"ERROR\", \"code\": \"MISSING_TRANSITION_TARGET\", \"message\": \"State"
                        + " \\\"U0\\\" is not reachable.\", \"location\": \"/States/U0\"}]}"));
  }
}
