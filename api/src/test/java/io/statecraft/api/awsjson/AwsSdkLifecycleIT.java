package io.statecraft.api.awsjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.PlatformITBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The AWS SDK for Java v2, pointed at the platform, walks the whole registry. */
class AwsSdkLifecycleIT extends PlatformITBase {

  static final String ROLE = "arn:aws:iam::123456789012:role/sdk";
  static final String V1 =
      """
      {"Comment":"v1","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";
  static final String V2 =
      """
      {"Comment":"v2","StartAt":"B","States":{"B":{"Type":"Succeed"}}}""";

  SfnClient sfn;

  @BeforeEach
  void client() {
    sfn = sfnClient().build();
  }

  @AfterEach
  void close() {
    sfn.close();
  }

  @Test
  void walksCreateDescribeListUpdatePublishAliasTagsAndDelete() {
    Instant before = Instant.now().minusSeconds(1);
    CreateStateMachineResponse created =
        sfn.createStateMachine(
            r ->
                r.name("SdkWalk")
                    .definition(V1)
                    .roleArn(ROLE)
                    .type(StateMachineType.STANDARD)
                    .publish(true)
                    .versionDescription("first")
                    .tags(Tag.builder().key("team").value("payments").build()));
    String arn = created.stateMachineArn();
    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:SdkWalk");
    assertThat(created.stateMachineVersionArn()).isEqualTo(arn + ":1");
    assertThat(created.creationDate()).isBetween(before, Instant.now().plusSeconds(1));

    DescribeStateMachineResponse described = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
    assertThat(described.name()).isEqualTo("SdkWalk");
    assertThat(described.definition()).isEqualTo(V1);
    assertThat(described.status()).isEqualTo(StateMachineStatus.ACTIVE);
    assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(described.roleArn()).isEqualTo(ROLE);
    assertThat(described.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
    assertThat(described.tracingConfiguration().enabled()).isFalse();
    assertThat(described.creationDate()).isEqualTo(created.creationDate());
    String firstRevision = described.revisionId();
    assertThat(firstRevision).isNotBlank();

    ListStateMachinesResponse listed = sfn.listStateMachines(r -> r.maxResults(1000));
    assertThat(listed.stateMachines())
        .anySatisfy(
            sm -> {
              assertThat(sm.stateMachineArn()).isEqualTo(arn);
              assertThat(sm.creationDate()).isEqualTo(created.creationDate());
            });

    var updated = sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(V2).publish(true));
    assertThat(updated.revisionId()).isNotEqualTo(firstRevision);
    assertThat(updated.stateMachineVersionArn()).isEqualTo(arn + ":2");
    assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn + ":1")).definition())
        .isEqualTo(V1);
    assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn + ":1")).description())
        .isEqualTo("first");

    var published = sfn.publishStateMachineVersion(r -> r.stateMachineArn(arn));
    assertThat(published.stateMachineVersionArn()).isEqualTo(arn + ":2");
    assertThatThrownBy(
            () ->
                sfn.publishStateMachineVersion(
                    r -> r.stateMachineArn(arn).revisionId(firstRevision)))
        .isInstanceOf(ConflictException.class);
    assertThat(sfn.listStateMachineVersions(r -> r.stateMachineArn(arn)).stateMachineVersions())
        .extracting(v -> v.stateMachineVersionArn())
        .containsExactly(arn + ":2", arn + ":1");

    var alias =
        sfn.createStateMachineAlias(
            r ->
                r.name("live")
                    .description("canary")
                    .routingConfiguration(
                        RoutingConfigurationListItem.builder()
                            .stateMachineVersionArn(arn + ":1")
                            .weight(90)
                            .build(),
                        RoutingConfigurationListItem.builder()
                            .stateMachineVersionArn(arn + ":2")
                            .weight(10)
                            .build()));
    assertThat(alias.stateMachineAliasArn()).isEqualTo(arn + ":live");
    DescribeStateMachineAliasResponse aliasDescribed =
        sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(arn + ":live"));
    assertThat(aliasDescribed.routingConfiguration())
        .extracting(RoutingConfigurationListItem::weight)
        .containsExactly(90, 10);
    assertThatThrownBy(
            () -> sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(arn + ":1")))
        .isInstanceOf(ConflictException.class);
    sfn.updateStateMachineAlias(
        r ->
            r.stateMachineAliasArn(arn + ":live")
                .routingConfiguration(
                    RoutingConfigurationListItem.builder()
                        .stateMachineVersionArn(arn + ":2")
                        .weight(100)
                        .build()));
    sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(arn + ":1"));
    assertThat(sfn.listStateMachineAliases(r -> r.stateMachineArn(arn)).stateMachineAliases())
        .extracting(a -> a.stateMachineAliasArn())
        .containsExactly(arn + ":live");

    sfn.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("dev").build()));
    assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .extracting(Tag::key, Tag::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("env", "dev"),
            org.assertj.core.groups.Tuple.tuple("team", "payments"));
    sfn.untagResource(r -> r.resourceArn(arn).tagKeys("env"));
    assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .extracting(Tag::key)
        .containsExactly("team");

    sfn.deleteStateMachineAlias(r -> r.stateMachineAliasArn(arn + ":live"));
    assertThatThrownBy(
            () -> sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(arn + ":live")))
        .isInstanceOf(ResourceNotFoundException.class);
    sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
    assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
        .isInstanceOf(StateMachineDoesNotExistException.class)
        .hasMessageContaining(arn);
  }

  @Test
  void validatesDefinitionsLikeValidateStateMachineDefinition() {
    ValidateStateMachineDefinitionResponse ok =
        sfn.validateStateMachineDefinition(r -> r.definition(V1));
    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(ok.diagnostics()).isEmpty();
    assertThat(ok.truncated()).isFalse();

    ValidateStateMachineDefinitionResponse fail =
        sfn.validateStateMachineDefinition(
            r -> r.definition("{\"StartAt\":\"Nowhere\",\"States\":{}}"));
    assertThat(fail.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(fail.diagnostics())
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.severityAsString()).isEqualTo("ERROR");
              assertThat(d.code()).isNotBlank();
              assertThat(d.message()).isNotBlank();
            });
  }

  @Test
  void answersErrorsTheSdkParsesIntoItsExceptionClasses() {
    sfn.createStateMachine(r -> r.name("SdkErrors").definition(V1).roleArn(ROLE));
    String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:SdkErrors";

    assertThatThrownBy(
            () -> sfn.createStateMachine(r -> r.name("SdkErrors").definition(V2).roleArn(ROLE)))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
    assertThatThrownBy(
            () -> sfn.createStateMachine(r -> r.name("bad name").definition(V1).roleArn(ROLE)))
        .isInstanceOf(InvalidNameException.class)
        .hasMessageContaining("bad name");
    assertThatThrownBy(
            () ->
                sfn.createStateMachine(
                    r -> r.name("Broken").definition("{\"StartAt\":1}").roleArn(ROLE)))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Invalid State Machine Definition");
    assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn("arn:nope")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () -> sfn.createStateMachine(r -> r.name("x".repeat(81)).definition(V1).roleArn(ROLE)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("1 validation error detected")
        .hasMessageContaining("'name'");
    assertThatThrownBy(() -> sfn.updateStateMachine(r -> r.stateMachineArn(arn)))
        .isInstanceOf(MissingRequiredParameterException.class);
    assertThatThrownBy(() -> sfn.listTagsForResource(r -> r.resourceArn(arn + "Missing")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(arn)))
        .isInstanceOf(InvalidArnException.class);
  }

  @Test
  void pagesListStateMachinesWithNextToken() {
    for (int i = 0; i < 5; i++) {
      String name = "Paged" + i;
      sfn.createStateMachine(r -> r.name(name).definition(V1).roleArn(ROLE));
    }
    long pagedCount =
        sfn.listStateMachinesPaginator(r -> r.maxResults(2)).stateMachines().stream()
            .filter(sm -> sm.name().startsWith("Paged"))
            .count();
    assertThat(pagedCount).isEqualTo(5);
    assertThat(sfn.listStateMachines(r -> r.maxResults(2)).nextToken()).isNotNull();
  }

  @Test
  void timestampsAreEpochSecondsWithMilliseconds() {
    var created = sfn.createStateMachine(r -> r.name("Clocked").definition(V1).roleArn(ROLE));
    assertThat(Duration.between(created.creationDate(), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }
}
