package io.statecraft.asl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.asl.Asl;
import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.InvalidDefinitionException;
import io.statecraft.asl.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/** A definition with many problems gets all of them back at once, each where it is. */
class BrokenDefinitionTest {

  private static final String BROKEN =
      """
      {
        "StartAt": "Build",
        "States": {
          "Build": {
            "Type": "Pass",
            "Parameters": {"sum.$": "States.MathAdd($.a)"},
            "Next": "Charge"
          },
          "Charge": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5}],
            "Next": "Ship"
          },
          "Forgotten": {"Type": "Succeed"},
          "Done": {"Type": "Succeed"}
        }
      }
      """;

  @Test
  void reportsEveryProblemWithItsPointer() {
    ValidationResult result = Asl.validate(BROKEN);
    assertThat(result.result()).isEqualTo(ValidationResult.Result.FAIL);
    assertThat(result.truncated()).isFalse();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            // field checks first, in definition order
            tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/Build/Parameters/sum.$"),
            tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/Charge/Retry/0/BackoffRate"),
            // then the graph
            tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/Charge/Next"),
            tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/Forgotten"),
            tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/Done"));
    assertThat(result.diagnostics())
        .extracting(Diagnostic::message)
        .satisfiesExactly(
            intrinsic ->
                assertThat(intrinsic)
                    .startsWith(
                        "The value for the field 'sum.$' must be a valid JSONPath or a valid"
                            + " intrinsic function call")
                    .contains("States.MathAdd"),
            backoff -> assertThat(backoff).isEqualTo("Minimum value is 1.0"),
            next -> assertThat(next).isEqualTo("Missing 'Next' target: Ship"),
            unreachable ->
                assertThat(unreachable).isEqualTo("State \"Forgotten\" is not reachable."),
            unreachable -> assertThat(unreachable).isEqualTo("State \"Done\" is not reachable."));
  }

  @Test
  void readingItThrowsOneExceptionWithAllOfThem() {
    assertThatThrownBy(() -> Asl.read(BROKEN))
        .isInstanceOfSatisfying(
            InvalidDefinitionException.class,
            e -> {
              assertThat(e.errors()).hasSize(5);
              assertThat(e.getMessage())
                  .startsWith("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ")
                  .contains(
                      "MISSING_TRANSITION_TARGET: Missing 'Next' target: Ship at"
                          + " /States/Charge/Next, ");
            });
  }
}
