package io.statecraft.asl.read;

import static io.statecraft.asl.read.Found.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.Severity;
import io.statecraft.asl.validate.StateMachineType;
import io.statecraft.asl.validate.ValidationOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every diagnostic code, each where AWS reports it. */
class DiagnosticCodesTest {

  private static final Set<DiagnosticCode> COVERED = EnumSet.noneOf(DiagnosticCode.class);

  private static Diagnostic only(String json, DiagnosticCode code) {
    return only(json, code, ValidationOptions.DEFAULTS);
  }

  private static Diagnostic only(String json, DiagnosticCode code, ValidationOptions options) {
    COVERED.add(code);
    List<Diagnostic> matching =
        Found.diagnostics(json, options).stream().filter(d -> d.code() == code).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  @AfterAll
  static void everyCodeIsCovered() {
    assertThat(COVERED).containsExactlyInAnyOrder(DiagnosticCode.values());
  }

  @Test
  void noDollarWarnsAboutAPathUsedAsALiteral() {
    Diagnostic d =
        only(
            single("{\"Type\": \"Pass\", \"Parameters\": {\"id\": \"$.order.id\"}, \"End\": true}"),
            DiagnosticCode.NO_DOLLAR);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.location()).isEqualTo("/States/S/Parameters/id");
  }

  @Test
  void noPathWarnsAboutAPathInAFieldThatIsNotAPathField() {
    Diagnostic d =
        only(single("{\"Type\": \"Fail\", \"Error\": \"$.error\"}"), DiagnosticCode.NO_PATH);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.location()).isEqualTo("/States/S/Error");
    assertThat(d.message()).contains("'ErrorPath'");
  }

  @Test
  void passResultIsStaticWarnsAboutAPathKeyInResult() {
    Diagnostic d =
        only(
            single("{\"Type\": \"Pass\", \"Result\": {\"a\": {\"b.$\": \"$.x\"}}, \"End\": true}"),
            DiagnosticCode.PASS_RESULT_IS_STATIC);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.location()).isEqualTo("/States/S/Result/a/b.$");
  }

  @Test
  void invalidJsonDescription() {
    assertThat(only("{\"StartAt\": ", DiagnosticCode.INVALID_JSON_DESCRIPTION).location()).isNull();
  }

  @Test
  void missingDescription() {
    assertThat(only("  ", DiagnosticCode.MISSING_DESCRIPTION).message())
        .isEqualTo("The definition is empty");
  }

  @Test
  void schemaValidationFailedForAnUnknownField() {
    Diagnostic d =
        only(
            single("{\"Type\": \"Pass\", \"End\": true, \"_comment\": \"x\"}"),
            DiagnosticCode.SCHEMA_VALIDATION_FAILED);
    assertThat(d.message()).isEqualTo("Field '_comment' is not supported");
    assertThat(d.location()).isEqualTo("/States/S");
  }

  @Test
  void invalidResourceWhenThePlatformCannotRunIt() {
    ValidationOptions options =
        ValidationOptions.DEFAULTS.withResourceCheck(
            (use, arn) ->
                arn.contains(":lambda:")
                    ? Optional.of("Lambda is not available")
                    : Optional.empty());
    Diagnostic d =
        only(
            single(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\":"
                    + " true}"),
            DiagnosticCode.INVALID_RESOURCE,
            options);
    assertThat(d.location()).isEqualTo("/States/S/Resource");
    assertThat(d.message()).contains("arn:aws:states:::lambda:invoke").contains("Lambda is not");
  }

  @Test
  void invalidResourceForAWaitingIntegrationInAnExpressMachine() {
    Diagnostic d =
        only(
            single(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::ecs:runTask.sync\", \"End\":"
                    + " true}"),
            DiagnosticCode.INVALID_RESOURCE,
            ValidationOptions.DEFAULTS.withType(StateMachineType.EXPRESS));
    assertThat(d.message()).contains("'.sync'");
  }

  @Test
  void missingEndStateHasNoLocation() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Pass", "Next": "A"}}}
        """;
    Diagnostic d = only(json, DiagnosticCode.MISSING_END_STATE);
    assertThat(d.message()).isEqualTo("Workflow has no terminal state");
    assertThat(d.location()).isNull();
  }

  @Test
  void duplicateStateName() {
    String json =
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}, \"A\": {\"Type\":"
            + " \"Succeed\"}}}";
    assertThat(only(json, DiagnosticCode.DUPLICATE_STATE_NAME))
        .extracting(Diagnostic::message, Diagnostic::location)
        .containsExactly("Duplicate State name: A", "/States/A");
  }

  @Test
  void invalidStateNameWhenLongerThanEightyCharacters() {
    String name = "N".repeat(81);
    String json =
        "{\"StartAt\": \"" + name + "\", \"States\": {\"" + name + "\": {\"Type\": \"Succeed\"}}}";
    Diagnostic d = only(json, DiagnosticCode.INVALID_STATE_NAME);
    assertThat(d.location()).isEqualTo("/States/" + name);
    String eighty = "N".repeat(80);
    assertThat(
            Found.diagnostics(
                "{\"StartAt\": \""
                    + eighty
                    + "\", \"States\": {\""
                    + eighty
                    + "\": {\"Type\": \"Succeed\"}}}"))
        .isEmpty();
  }

  private static String mapWithLabel(String name, String label, String next) {
    return "\""
        + name
        + "\": {\"Type\": \"Map\", \"Label\": \""
        + label
        + "\", "
        + next
        + ", \"ItemProcessor\": {\"StartAt\": \""
        + name
        + "Item\", \"States\": {\""
        + name
        + "Item\": {\"Type\": \"Succeed\"}}}}";
  }

  @Test
  void duplicateLabelName() {
    String json =
        "{\"StartAt\": \"A\", \"States\": {"
            + mapWithLabel("A", "run", "\"Next\": \"B\"")
            + ", "
            + mapWithLabel("B", "run", "\"End\": true")
            + "}}";
    assertThat(only(json, DiagnosticCode.DUPLICATE_LABEL_NAME).location())
        .isEqualTo("/States/B/Label");
  }

  @Test
  void invalidLabelName() {
    String json =
        "{\"StartAt\": \"A\", \"States\": {"
            + mapWithLabel("A", "has space", "\"End\": true")
            + "}}";
    assertThat(only(json, DiagnosticCode.INVALID_LABEL_NAME).location())
        .isEqualTo("/States/A/Label");
  }

  @Test
  void missingTransitionTarget() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "Nope"},
          "B": {"Type": "Succeed"}}}
        """;
    assertThat(Found.diagnostics(json))
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "Missing 'Next' target: Nope",
                "/States/A/Next"),
            tuple(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "State \"B\" is not reachable.",
                "/States/B"));
    COVERED.add(DiagnosticCode.MISSING_TRANSITION_TARGET);
  }

  @Test
  void tooDeeplyNested() {
    StringBuilder json = new StringBuilder("{\"StartAt\": \"M\", \"States\": {");
    int levels = GraphReader.MAX_DEPTH + 1;
    for (int i = 0; i < levels; i++) {
      json.append(
          "\"M\": {\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"StartAt\": \"M\","
              + " \"States\": {");
    }
    json.append("\"M\": {\"Type\": \"Succeed\"}");
    json.append("}}}".repeat(levels)).append("}}");
    Diagnostic d = only(json.toString(), DiagnosticCode.TOO_DEEPLY_NESTED);
    assertThat(d.location())
        .isEqualTo("/States/M" + "/ItemProcessor/States/M".repeat(levels - 1) + "/ItemProcessor");
  }

  @Test
  void invalidJsonataExpression() {
    Diagnostic d =
        only(
            single(
                "{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"Output\": {\"a\": \"{% 1 +"
                    + " %}\"}, \"End\": true}"),
            DiagnosticCode.INVALID_JSONATA_EXPRESSION);
    assertThat(d.location()).isEqualTo("/States/S/Output/a");
  }

  @Test
  void unsupportedJsonataExpression() {
    // A bare name reads from the JSONata input, which Step Functions does not provide.
    Diagnostic d =
        only(
            single(
                "{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"Output\": {\"v\": \"{% phone"
                    + " %}\"}, \"End\": true}"),
            DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION);
    assertThat(d.location()).isEqualTo("/States/S/Output/v");
  }
}
