package io.statecraft.asl.read;

import static io.statecraft.asl.read.Found.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import org.junit.jupiter.api.Test;

/** Paths and intrinsic calls must compile, and must be reference paths where AWS says so. */
class PathChecksTest {

  private static Diagnostic onlyError(String json) {
    return assertThat(Found.errors(json)).singleElement().actual();
  }

  @Test
  void aPathThatDoesNotCompileIsReportedAtItsField() {
    Diagnostic d = onlyError(single("{\"Type\": \"Pass\", \"InputPath\": \"a.b\", \"End\": true}"));
    assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
    assertThat(d.location()).isEqualTo("/States/S/InputPath");
    assertThat(d.message())
        .startsWith("The value for the field 'InputPath' must be a valid JSONPath");
  }

  @Test
  void aWaitPathMustBeAReferencePath() {
    Diagnostic d =
        onlyError(single("{\"Type\": \"Wait\", \"SecondsPath\": \"$.a[*]\", \"End\": true}"));
    assertThat(d)
        .extracting(Diagnostic::message, Diagnostic::location)
        .containsExactly("Value is not a Reference Path", "/States/S/SecondsPath");
  }

  @Test
  void aMapNumberPathCannotReadTheContextObject() {
    String map =
        "{\"Type\": \"Map\", \"End\": true, \"%s\": \"%s\", \"ItemProcessor\": {\"StartAt\": \"I\","
            + " \"States\": {\"I\": {\"Type\": \"Succeed\"}}}}";
    Diagnostic d = onlyError(single(map.formatted("MaxConcurrencyPath", "$$.Execution.Input.n")));
    assertThat(d.location()).isEqualTo("/States/S/MaxConcurrencyPath");
    assertThat(d.message()).startsWith("Value is not a Reference Path");
    assertThat(Found.errors(single(map.formatted("ItemsPath", "$$.Execution.Input.items"))))
        .as("ItemsPath may read the context object")
        .isEmpty();
  }

  @Test
  void aResultPathMustBeAReferencePathIntoTheInput() {
    Diagnostic d =
        onlyError(single("{\"Type\": \"Pass\", \"ResultPath\": \"$$.Execution\", \"End\": true}"));
    assertThat(d.location()).isEqualTo("/States/S/ResultPath");
    assertThat(d.message()).startsWith("The value for the field 'ResultPath' must be a valid");
  }

  @Test
  void everyBadDynamicValueOfATemplateIsReportedAtItsKey() {
    String json =
        single(
            "{\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"ok.$\": \"$.a\", \"bad.$\":"
                + " \"nope\", \"nested\": {\"call.$\": \"States.Nope(1)\"}, \"list\": [{\"x.$\":"
                + " \"States.ArrayLength()\"}]}}");
    assertThat(Found.errors(json))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/bad.$"),
            tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/nested/call.$"),
            tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/list/0/x.$"));
  }

  @Test
  void twoKeysThatWouldProduceTheSameFieldAreReportedAtTheTemplate() {
    Diagnostic d =
        onlyError(
            single(
                "{\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"a\": 1, \"a.$\": \"$.a\"}}"));
    assertThat(d.location()).isEqualTo("/States/S/Parameters");
    assertThat(d.message()).startsWith("The field 'Parameters' is not a valid template");
  }

  @Test
  void anErrorPathTakesAnIntrinsicCall() {
    assertThat(
            Found.errors(
                single("{\"Type\": \"Fail\", \"ErrorPath\": \"States.Format('E{}', $.code)\"}")))
        .isEmpty();
    Diagnostic d = onlyError(single("{\"Type\": \"Fail\", \"CausePath\": \"$.causes[*]\"}"));
    assertThat(d)
        .extracting(Diagnostic::message, Diagnostic::location)
        .containsExactly("Value is not a Reference Path", "/States/S/CausePath");
  }

  @Test
  void aChoiceVariableMustCompile() {
    Diagnostic d =
        onlyError(
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"x\", \"IsNull\": true,"
                    + " \"Next\": \"E\"}], \"Default\": \"E\"}, \"E\": {\"Type\": \"Succeed\"}"));
    assertThat(d.location()).isEqualTo("/States/S/Choices/0/Variable");
  }
}
