package io.statecraft.asl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import org.junit.jupiter.api.Test;

/** JSONata expressions compile, and read only the {@code $states} fields AWS provides there. */
class JsonataChecksTest {

  private static String machine(String state) {
    return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {\"S\": "
        + state
        + ", \"F\": {\"Type\": \"Fail\"}}}";
  }

  private static String task(String fields) {
    return machine(
        "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Next\": \"F\", "
            + fields
            + "}");
  }

  @Test
  void theResultIsReadInOutputAndAssignOfAStateThatHasOne() {
    assertThat(
            Found.errors(
                task(
                    "\"Output\": \"{% $states.result %}\", \"Assign\": {\"r\": \"{%"
                        + " $states.result.Payload %}\"}, \"Arguments\": {\"in\": \"{% $states.input"
                        + " %}\", \"ctx\": \"{% $states.context.Execution.Id %}\"}")))
        .isEmpty();
  }

  @Test
  void theResultDoesNotExistInArgumentsNorInAPassState() {
    assertThat(Found.errors(task("\"Arguments\": {\"x\": \"{% $states.result.a %}\"}")))
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(
                DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION,
                "Field '$states.result' does not exist.",
                "/States/S/Arguments/x"));
    assertThat(
            Found.errors(
                machine(
                    "{\"Type\": \"Pass\", \"Output\": \"{% $states.result %}\", \"Next\": \"F\"}")))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION, "/States/S/Output"));
  }

  @Test
  void theErrorOutputExistsOnlyInACatcher() {
    assertThat(
            Found.errors(
                task(
                    "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\", \"Output\": \"{%"
                        + " $states.errorOutput.Cause %}\", \"Assign\": {\"e\": \"{%"
                        + " $states.errorOutput %}\"}}]")))
        .isEmpty();
    assertThat(Found.errors(task("\"Output\": {\"e\": \"{% $states.errorOutput %}\"}")))
        .extracting(Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple("Field '$states.errorOutput' does not exist.", "/States/S/Output/e"));
    assertThat(
            Found.errors(
                task(
                    "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"F\", \"Output\": \"{%"
                        + " $states.result %}\"}]")))
        .extracting(Diagnostic::location)
        .containsExactly("/States/S/Catch/0/Output");
  }

  @Test
  void anUnknownStatesFieldDoesNotExist() {
    assertThat(
            Found.errors(
                machine(
                    "{\"Type\": \"Wait\", \"Seconds\": \"{% $states.inputs.n %}\", \"Next\": \"F\"}")))
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(
                DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION,
                "Field '$states.inputs' does not exist.",
                "/States/S/Seconds"));
  }

  @Test
  void everyExpressionThatDoesNotParseIsReportedWhereItIs() {
    assertThat(
            Found.errors(
                machine(
                    "{\"Type\": \"Pass\", \"Next\": \"F\", \"Output\": {\"a\": \"{% 1 + %}\", \"b\":"
                        + " [\"{% ( %}\"], \"c\": \"{% $states.input %}\", \"d\": \"{%"
                        + " $states.result %}\"}}")))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            tuple(DiagnosticCode.INVALID_JSONATA_EXPRESSION, "/States/S/Output/a"),
            tuple(DiagnosticCode.INVALID_JSONATA_EXPRESSION, "/States/S/Output/b/0"),
            tuple(DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION, "/States/S/Output/d"));
  }

  @Test
  void aChoiceConditionReadsOnlyTheInputAndTheContext() {
    String json =
        machine(
            "{\"Type\": \"Choice\", \"Choices\": [{\"Condition\": \"{% $states.result = 1 %}\","
                + " \"Next\": \"F\"}], \"Default\": \"F\"}");
    assertThat(Found.errors(json))
        .extracting(Diagnostic::location)
        .containsExactly("/States/S/Choices/0/Condition");
  }
}
