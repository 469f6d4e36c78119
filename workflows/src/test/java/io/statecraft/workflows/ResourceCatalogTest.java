package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.Asl;
import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.ResourceCheck;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.workflows.ResourceCatalog.Binding;
import io.statecraft.workflows.ResourceCatalog.IntegrationPattern;
import io.statecraft.workflows.ResourceCatalog.Kind;
import org.junit.jupiter.api.Test;

class ResourceCatalogTest {

  private final ResourceCatalog catalog = ResourceCatalog.standard();

  @Test
  void anActivityArnRunsAsTheActivityOfItsName() {
    assertThat(catalog.bind("arn:aws:states:eu-west-1:123456789012:activity:ChargePayment"))
        .contains(new Binding(Kind.ACTIVITY, "ChargePayment", IntegrationPattern.REQUEST_RESPONSE));
  }

  @Test
  void aLambdaFunctionArnRunsAsTheActivityOfTheFunctionWithOrWithoutQualifier() {
    assertThat(catalog.bind("arn:aws:lambda:us-east-1:123456789012:function:Score"))
        .contains(new Binding(Kind.LAMBDA_FUNCTION, "Score", IntegrationPattern.REQUEST_RESPONSE));
    assertThat(catalog.bind("arn:aws:lambda:us-east-1:123456789012:function:Score:prod"))
        .contains(new Binding(Kind.LAMBDA_FUNCTION, "Score", IntegrationPattern.REQUEST_RESPONSE));
  }

  @Test
  void serviceIntegrationsAndTheirPatterns() {
    assertThat(catalog.bind("arn:aws:states:::lambda:invoke"))
        .contains(new Binding(Kind.LAMBDA_INVOKE, null, IntegrationPattern.REQUEST_RESPONSE));
    assertThat(catalog.bind("arn:aws:states:::lambda:invoke.waitForTaskToken"))
        .contains(new Binding(Kind.LAMBDA_INVOKE, null, IntegrationPattern.WAIT_FOR_TASK_TOKEN));
    assertThat(catalog.bind("arn:aws:states:::http:invoke"))
        .contains(
            new Binding(
                Kind.HTTP_INVOKE,
                ResourceCatalog.HTTP_INVOKE,
                IntegrationPattern.REQUEST_RESPONSE));
    assertThat(catalog.bind("arn:aws:states:::states:startExecution"))
        .contains(new Binding(Kind.START_EXECUTION, null, IntegrationPattern.REQUEST_RESPONSE));
    assertThat(catalog.bind("arn:aws:states:::states:startExecution.sync"))
        .contains(new Binding(Kind.START_EXECUTION, null, IntegrationPattern.SYNC));
    assertThat(catalog.bind("arn:aws:states:::states:startExecution.sync:2"))
        .contains(new Binding(Kind.START_EXECUTION, null, IntegrationPattern.SYNC_2));
    assertThat(catalog.bind("arn:aws:states:::states:startExecution.waitForTaskToken"))
        .contains(new Binding(Kind.START_EXECUTION, null, IntegrationPattern.WAIT_FOR_TASK_TOKEN));
  }

  @Test
  void unsupportedResourcesAndPatternsAreRefused() {
    assertThat(catalog.bind("arn:aws:states:::sqs:sendMessage")).isEmpty();
    assertThat(catalog.bind("arn:aws:states:::lambda:invoke.sync")).isEmpty();
    assertThat(catalog.bind("arn:aws:states:::http:invoke.waitForTaskToken")).isEmpty();
    assertThat(catalog.problem(ResourceCheck.Use.TASK, "arn:aws:states:::sqs:sendMessage"))
        .hasValueSatisfying(p -> assertThat(p).contains("not supported").contains("sqs"));
    assertThat(catalog.problem(ResourceCheck.Use.ITEM_READER, "arn:aws:states:::s3:getObject"))
        .hasValueSatisfying(p -> assertThat(p).contains("external storage"));
  }

  @Test
  void anAddedIntegrationRunsAsItsActivityAndTakesPrecedence() {
    ResourceCatalog extended =
        catalog
            .withIntegration("arn:aws:states:::sqs:sendMessage", "SendMessage")
            .withIntegration("arn:aws:states:::lambda:invoke", "InvokeAnything");
    assertThat(extended.bind("arn:aws:states:::sqs:sendMessage.waitForTaskToken"))
        .contains(
            new Binding(Kind.INTEGRATION, "SendMessage", IntegrationPattern.WAIT_FOR_TASK_TOKEN));
    assertThat(extended.bind("arn:aws:states:::lambda:invoke"))
        .contains(
            new Binding(Kind.INTEGRATION, "InvokeAnything", IntegrationPattern.REQUEST_RESPONSE));
    assertThat(catalog.bind("arn:aws:states:::sqs:sendMessage")).isEmpty();
  }

  @Test
  void theValidatorReportsAnUnknownResourceAsInvalidResourceAtItsLocation() {
    String definition =
        """
        {"StartAt":"Send","States":{"Send":{"Type":"Task",
          "Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}
        """;
    var result = Asl.validate(definition, ValidationOptions.DEFAULTS.withResourceCheck(catalog));
    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics())
        .extracting(d -> d.code().name(), Diagnostic::location)
        .contains(org.assertj.core.groups.Tuple.tuple("INVALID_RESOURCE", "/States/Send/Resource"));
  }
}
