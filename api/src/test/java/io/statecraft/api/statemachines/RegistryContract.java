package io.statecraft.api.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.config.ApiConfiguration;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionRecords;
import io.statecraft.api.executions.ExecutionRecords.ExecutionRow;
import io.statecraft.api.executions.ExecutionRecords.RowStatus;
import io.statecraft.api.statemachines.Configurations.LogLevel;
import io.statecraft.api.statemachines.Configurations.LoggingConfiguration;
import io.statecraft.api.statemachines.StateMachineRegistry.CreateCommand;
import io.statecraft.api.statemachines.StateMachineRegistry.RouteRequest;
import io.statecraft.api.statemachines.StateMachineRegistry.UpdateCommand;
import io.statecraft.api.validation.AslDefinitionValidator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's behaviour, run against each supported database by a subclass that supplies the
 * data source. Each test runs in a transaction that is rolled back.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration({JacksonAutoConfiguration.class, ValidationAutoConfiguration.class})
@Import({
  ApiConfiguration.class,
  StateMachineRegistry.class,
  RegistryRepository.class,
  Arns.class,
  AslDefinitionValidator.class,
  ExecutionRecords.class
})
abstract class RegistryContract {

  static final String ROLE = "arn:aws:iam::123456789012:role/test";
  static final String PASS =
      """
      {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";
  static final String SUCCEED =
      """
      {"StartAt":"B","States":{"B":{"Type":"Succeed"}}}""";

  @Autowired StateMachineRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired Arns arns;
  @Autowired ExecutionRecords executions;

  static CreateCommand create(String name, String definition) {
    return new CreateCommand(
        name, definition, ROLE, null, null, null, null, false, null, List.of());
  }

  static CreateCommand createPublished(String name, String definition, String description) {
    return new CreateCommand(
        name, definition, ROLE, null, null, null, null, true, description, List.of());
  }

  static UpdateCommand updateDefinition(String arn, String definition, boolean publish) {
    return new UpdateCommand(arn, definition, null, null, null, null, publish, null);
  }

  static void assertError(ThrowingCallable call, ErrorCode code, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }

  @Test
  void createsAStateMachineWithAwsDefaults() {
    var created = registry.create(create("Orders", PASS));

    assertThat(created.stateMachineArn())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Orders");
    assertThat(created.versionArn()).isNull();
    var described = registry.describe(created.stateMachineArn());
    assertThat(described.stateMachine().type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(described.stateMachine().status()).isEqualTo(StateMachineRecord.Status.ACTIVE);
    assertThat(described.revision().definition()).isEqualTo(PASS);
    assertThat(described.revision().loggingConfiguration())
        .isEqualTo("{\"level\":\"OFF\",\"includeExecutionData\":false}");
    assertThat(described.revision().tracingConfiguration()).isEqualTo("{\"enabled\":false}");
    assertThat(described.revision().definitionSha256())
        .hasSize(64)
        .isEqualTo(java.util.HexFormat.of().formatHex(StateMachineRegistry.sha256(PASS)));
    assertThat(described.creationDate()).isEqualTo(created.creationDate());
  }

  @Test
  void repeatingACreateIsIdempotentButADifferentDefinitionIsRefused() {
    var first = registry.create(create("Same", PASS));
    // roleArn and tags are ignored by the idempotency check, as on AWS.
    var again =
        registry.create(
            new CreateCommand(
                "Same",
                PASS,
                "arn:aws:iam::123456789012:role/other",
                null,
                null,
                null,
                null,
                false,
                null,
                List.of(new Tag("k", "v"))));
    assertThat(again.stateMachineArn()).isEqualTo(first.stateMachineArn());
    assertThat(again.creationDate()).isEqualTo(first.creationDate());

    assertError(
        () -> registry.create(create("Same", SUCCEED)),
        ErrorCode.STATE_MACHINE_ALREADY_EXISTS,
        first.stateMachineArn());
  }

  @Test
  void refusesBadNamesRolesDefinitionsAndLogging() {
    assertError(
        () -> registry.create(create("has space", PASS)), ErrorCode.INVALID_NAME, "has space");
    assertError(
        () -> registry.create(create("x".repeat(81), PASS)),
        ErrorCode.VALIDATION,
        "Member must have length less than or equal to 80");
    assertError(
        () ->
            registry.create(
                new CreateCommand(
                    "R", PASS, "not-an-arn", null, null, null, null, false, null, List.of())),
        ErrorCode.INVALID_ARN,
        "not-an-arn");
    assertError(
        () -> registry.create(create("D", "{\"StartAt\":\"X\",\"States\":{}}")),
        ErrorCode.INVALID_DEFINITION,
        "Invalid State Machine Definition");
    assertError(
        () -> registry.create(create("J", "{not json")),
        ErrorCode.INVALID_DEFINITION,
        "Invalid State Machine Definition");
    assertError(
        () ->
            registry.create(
                new CreateCommand(
                    "L",
                    PASS,
                    ROLE,
                    null,
                    new LoggingConfiguration(LogLevel.ALL, true, null),
                    null,
                    null,
                    false,
                    null,
                    List.of())),
        ErrorCode.INVALID_LOGGING_CONFIGURATION,
        "exactly one Log Destination");
    assertError(
        () ->
            registry.create(
                new CreateCommand("V", PASS, ROLE, null, null, null, null, false, "d", List.of())),
        ErrorCode.VALIDATION,
        "versionDescription");
  }

  @Test
  void aDefinitionOverOneMebibyteIsRefusedBeforeItIsParsed() {
    String huge = "{\"Comment\":\"" + "x".repeat(1024 * 1024) + "\"}";
    assertError(
        () -> registry.create(create("Huge", huge)),
        ErrorCode.VALIDATION,
        "Member must have length less than or equal to 1048576");
  }

  @Test
  void anUpdateMakesANewRevisionWhileTheVersionKeepsTheOldDefinition() {
    var created = registry.create(createPublished("Evolving", PASS, "first"));
    String firstRevision = registry.describe(created.stateMachineArn()).revision().revisionId();

    var updated = registry.update(updateDefinition(created.stateMachineArn(), SUCCEED, false));

    assertThat(updated.revisionId()).isNotEqualTo(firstRevision);
    assertThat(updated.versionArn()).isNull();
    assertThat(registry.describe(created.stateMachineArn()).revision().definition())
        .isEqualTo(SUCCEED);
    var version = registry.describe(created.versionArn());
    assertThat(version.revision().definition()).isEqualTo(PASS);
    assertThat(version.revision().revisionId()).isEqualTo(firstRevision);
    assertThat(version.version().description()).isEqualTo("first");
    assertThat(version.arn()).isEqualTo(created.stateMachineArn() + ":1");
  }

  @Test
  void anUpdateWithNothingNewKeepsTheRevision() {
    var created = registry.create(create("Stable", PASS));
    String revision = registry.describe(created.stateMachineArn()).revision().revisionId();

    var updated = registry.update(updateDefinition(created.stateMachineArn(), PASS, false));

    assertThat(updated.revisionId()).isEqualTo(revision);
  }

  @Test
  void anUpdateNeedsSomethingToChangeAndAnExistingStateMachine() {
    var created = registry.create(create("U", PASS));
    assertError(
        () ->
            registry.update(
                new UpdateCommand(
                    created.stateMachineArn(), null, null, null, null, null, false, null)),
        ErrorCode.MISSING_REQUIRED_PARAMETER,
        "definition");
    assertError(
        () -> registry.update(updateDefinition(arns.stateMachine("Ghost"), PASS, false)),
        ErrorCode.STATE_MACHINE_DOES_NOT_EXIST,
        "Ghost");
    assertError(
        () -> registry.update(updateDefinition(created.stateMachineArn() + ":1", PASS, false)),
        ErrorCode.INVALID_ARN,
        "version");
  }

  @Test
  void publishingIsIdempotentPerRevisionAndChecksTheRevisionId() {
    var created = registry.create(create("Pub", PASS));
    String arn = created.stateMachineArn();
    String revision = registry.describe(arn).revision().revisionId();

    VersionRecord v1 = registry.publish(arn, revision, "one");
    VersionRecord again = registry.publish(arn, null, "ignored");
    assertThat(v1.number()).isEqualTo(1);
    assertThat(again).isEqualTo(v1);

    assertError(
        () -> registry.publish(arn, "not-the-current-revision", null),
        ErrorCode.CONFLICT,
        "not-the-current-revision");
    assertError(
        () -> registry.publish(arns.stateMachine("Ghost"), null, null),
        ErrorCode.STATE_MACHINE_DOES_NOT_EXIST,
        "Ghost");
  }

  @Test
  void aStaleRevisionIdIsAConflict() {
    var created = registry.create(create("Stale", PASS));
    String arn = created.stateMachineArn();
    String old = registry.describe(arn).revision().revisionId();
    registry.update(updateDefinition(arn, SUCCEED, false));

    assertError(() -> registry.publish(arn, old, null), ErrorCode.CONFLICT, old);
  }

  @Test
  void versionNumbersAreNeverReused() {
    var created = registry.create(createPublished("Numbers", PASS, null));
    String arn = created.stateMachineArn();
    var v2 = registry.update(updateDefinition(arn, SUCCEED, true));
    assertThat(v2.versionArn()).isEqualTo(arn + ":2");

    registry.deleteVersion(arn + ":2");
    var v3 = registry.update(updateDefinition(arn, PASS.replace("\"A\"", "\"C\""), true));

    assertThat(v3.versionArn()).isEqualTo(arn + ":3");
    assertThat(registry.listVersions(arn, null, 0).items())
        .extracting(VersionRecord::number)
        .containsExactly(3, 1);
    assertError(() -> registry.describe(arn + ":2"), ErrorCode.STATE_MACHINE_DOES_NOT_EXIST, ":2");
  }

  @Test
  void listingPagesThroughEveryStateMachineByName() {
    for (String name : List.of("p-c", "p-a", "p-e", "p-b", "p-d")) {
      registry.create(create(name, PASS));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Page<StateMachineRecord> page = registry.list(token, 2);
      page.items().forEach(sm -> seen.add(sm.name()));
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(seen).containsExactly("p-a", "p-b", "p-c", "p-d", "p-e");
    assertThat(pages).isEqualTo(3);
    assertError(() -> registry.list("garbage!", 2), ErrorCode.INVALID_TOKEN, "garbage!");
    assertError(() -> registry.list(null, 1001), ErrorCode.VALIDATION, "maxResults");
  }

  @Test
  void aTokenFromOneListingIsRefusedByAnother() {
    var created = registry.create(createPublished("Tok", PASS, null));
    registry.create(create("Tok2", PASS));
    String token = registry.list(null, 1).nextToken();
    assertThat(token).isNotNull();

    assertError(
        () -> registry.listVersions(created.stateMachineArn(), token, 1),
        ErrorCode.INVALID_TOKEN,
        "Invalid Token");
  }

  @Test
  void aliasesRouteByWeightTheSameWayForTheSameExecutionName() {
    var created = registry.create(createPublished("Routed", PASS, null));
    String arn = created.stateMachineArn();
    registry.update(updateDefinition(arn, SUCCEED, true));
    AliasRecord alias =
        registry.createAlias(
            "live",
            "canary",
            List.of(new RouteRequest(arn + ":1", 80), new RouteRequest(arn + ":2", 20)));

    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      String name = "exec-" + i;
      var target = registry.resolveForExecution(alias.arn(), name);
      assertThat(registry.resolveForExecution(alias.arn(), name).versionNumber())
          .isEqualTo(target.versionNumber());
      counts.merge(target.versionNumber(), 1, Integer::sum);
      assertThat(target.aliasArn()).isEqualTo(alias.arn());
      assertThat(target.revision().definition())
          .isEqualTo(target.versionNumber() == 1 ? PASS : SUCCEED);
    }
    assertThat(counts.get(1)).isBetween(740, 860);
    assertThat(counts.get(2)).isBetween(140, 260);
  }

  @Test
  void resolvesWhatAnExecutionRunsThroughEachKindOfArn() {
    var created = registry.create(createPublished("Targets", PASS, null));
    String arn = created.stateMachineArn();
    registry.update(updateDefinition(arn, SUCCEED, false));

    var latest = registry.resolveForExecution(arn, "e");
    assertThat(latest.revision().definition()).isEqualTo(SUCCEED);
    assertThat(latest.versionNumber()).isNull();
    var version = registry.resolveForExecution(arn + ":1", "e");
    assertThat(version.revision().definition()).isEqualTo(PASS);
    assertThat(version.versionNumber()).isEqualTo(1);
    assertError(
        () -> registry.resolveForExecution(arn + ":9", "e"),
        ErrorCode.STATE_MACHINE_DOES_NOT_EXIST,
        ":9");
    assertError(
        () -> registry.resolveForExecution(arn + ":nope", "e"),
        ErrorCode.STATE_MACHINE_DOES_NOT_EXIST,
        ":nope");
  }

  @Test
  void aVersionAnAliasRoutesToCannotBeDeleted() {
    var created = registry.create(createPublished("Guarded", PASS, null));
    String arn = created.stateMachineArn();
    AliasRecord alias =
        registry.createAlias("prod", null, List.of(new RouteRequest(arn + ":1", 100)));

    assertError(() -> registry.deleteVersion(arn + ":1"), ErrorCode.CONFLICT, alias.arn());

    registry.deleteAlias(alias.arn());
    registry.deleteVersion(arn + ":1");
    assertThat(registry.listVersions(arn, null, 0).items()).isEmpty();
    // Deleting what is gone succeeds, as on AWS.
    registry.deleteVersion(arn + ":1");
  }

  @Test
  void aliasRoutingMustBeValid() {
    var a = registry.create(createPublished("AliasA", PASS, null));
    var b = registry.create(createPublished("AliasB", PASS, null));
    String arnA = a.stateMachineArn();

    assertError(
        () -> registry.createAlias("x", null, List.of(new RouteRequest(arnA + ":1", 90))),
        ErrorCode.VALIDATION,
        "add up to 100");
    assertError(
        () ->
            registry.createAlias(
                "x",
                null,
                List.of(new RouteRequest(arnA + ":1", 50), new RouteRequest(arnA + ":1", 50))),
        ErrorCode.VALIDATION,
        "two different versions");
    assertError(
        () ->
            registry.createAlias(
                "x",
                null,
                List.of(
                    new RouteRequest(arnA + ":1", 50),
                    new RouteRequest(b.stateMachineArn() + ":1", 50))),
        ErrorCode.VALIDATION,
        "one state machine");
    assertError(
        () -> registry.createAlias("x", null, List.of(new RouteRequest(arnA + ":7", 100))),
        ErrorCode.RESOURCE_NOT_FOUND,
        arnA + ":7");
    assertError(
        () -> registry.createAlias("123", null, List.of(new RouteRequest(arnA + ":1", 100))),
        ErrorCode.VALIDATION,
        "regular expression");
    assertError(
        () -> registry.createAlias("x", null, List.of(new RouteRequest(arnA, 100))),
        ErrorCode.INVALID_ARN,
        "version");
  }

  @Test
  void aliasesAreIdempotentUpdatableAndListable() {
    var created = registry.create(createPublished("Aliased", PASS, null));
    String arn = created.stateMachineArn();
    registry.update(updateDefinition(arn, SUCCEED, true));
    var routes = List.of(new RouteRequest(arn + ":1", 100));
    AliasRecord first = registry.createAlias("blue", "d", routes);
    assertThat(registry.createAlias("blue", "d", routes)).isEqualTo(first);
    assertError(
        () -> registry.createAlias("blue", "other", routes), ErrorCode.CONFLICT, first.arn());
    registry.createAlias("green", null, List.of(new RouteRequest(arn + ":2", 100)));

    AliasRecord updated =
        registry.updateAlias(
            first.arn(),
            null,
            List.of(new RouteRequest(arn + ":1", 30), new RouteRequest(arn + ":2", 70)));

    assertThat(updated.description()).isEqualTo("d");
    assertThat(updated.routes())
        .extracting(AliasRecord.Route::versionNumber, AliasRecord.Route::weight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 30), org.assertj.core.groups.Tuple.tuple(2, 70));
    assertThat(registry.describeAlias(first.arn())).isEqualTo(updated);
    assertThat(registry.listAliases(arn, null, 0).items())
        .extracting(AliasRecord::name)
        .containsExactly("blue", "green");
    assertThat(registry.listAliases(arn + ":1", null, 0).items())
        .extracting(AliasRecord::name)
        .containsExactly("blue");
    Page<AliasRecord> firstPage = registry.listAliases(arn, null, 1);
    assertThat(firstPage.items()).extracting(AliasRecord::name).containsExactly("blue");
    assertThat(registry.listAliases(arn, firstPage.nextToken(), 1).items())
        .extracting(AliasRecord::name)
        .containsExactly("green");
    assertError(
        () -> registry.describeAlias(arn + ":missing"), ErrorCode.RESOURCE_NOT_FOUND, "missing");
  }

  @Test
  void tagsMergeAreRemovedAndAreLimitedToFifty() {
    var created = registry.create(create("Tagged", PASS));
    String arn = created.stateMachineArn();
    registry.tag(arn, List.of(new Tag("team", "a"), new Tag("env", "dev")));
    registry.tag(arn, List.of(new Tag("team", "b")));
    assertThat(registry.tags(arn)).containsExactly(new Tag("env", "dev"), new Tag("team", "b"));

    registry.untag(arn, List.of("env", "absent"));
    assertThat(registry.tags(arn)).containsExactly(new Tag("team", "b"));

    List<Tag> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(new Tag("k" + i, "v"));
    }
    assertError(() -> registry.tag(arn, many), ErrorCode.TOO_MANY_TAGS, "50");
    assertError(
        () -> registry.tag(arns.stateMachine("Nope"), List.of(new Tag("a", "b"))),
        ErrorCode.RESOURCE_NOT_FOUND,
        "Nope");
    assertError(
        () -> registry.tag(arn, List.of(new Tag("bad{key}", "v"))),
        ErrorCode.VALIDATION,
        "tags.0.key");
  }

  @Test
  void deletingRemovesEverythingButTheRevisionsExecutionsRan() {
    var created = registry.create(createPublished("Doomed", PASS, null));
    String arn = created.stateMachineArn();
    registry.tag(arn, List.of(new Tag("a", "b")));
    registry.createAlias("live", null, List.of(new RouteRequest(arn + ":1", 100)));
    String ranRevision = registry.describe(arn).revision().revisionId();
    registry.update(updateDefinition(arn, SUCCEED, false));
    String unusedRevision = registry.describe(arn).revision().revisionId();
    jdbc.sql(
            """
            INSERT INTO execution (execution_arn, name, state_machine_arn, revision_id, input,
                input_sha256, status, start_date, workflow_id)
            VALUES (:arn, 'e1', :sm, :rev, '{}', :sha, 'SUCCEEDED', :start, 'wf-1')
            """)
        .param("arn", arns.execution("Doomed", "e1"))
        .param("sm", arn)
        .param("rev", ranRevision)
        .param("sha", "0".repeat(64))
        .param("start", OffsetDateTime.now(ZoneOffset.UTC))
        .update();

    registry.delete(arn);

    assertError(() -> registry.describe(arn), ErrorCode.STATE_MACHINE_DOES_NOT_EXIST, arn);
    assertThat(registry.findRevision(ranRevision)).isPresent();
    assertThat(registry.findRevision(unusedRevision)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resource_tag").query(Integer.class).single())
        .isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM state_machine_alias").query(Integer.class).single())
        .isZero();
    // Deleting what does not exist succeeds, as on AWS.
    registry.delete(arn);
  }

  @Test
  void aStateMachineWithRunningExecutionsIsMarkedDeletingUntilTheyEnd() {
    var created = registry.create(create("Busy", PASS));
    String arn = created.stateMachineArn();
    jdbc.sql(
            """
            INSERT INTO execution (execution_arn, name, state_machine_arn, revision_id, input,
                input_sha256, status, start_date, workflow_id)
            VALUES (:arn, 'e1', :sm, :rev, '{}', :sha, 'RUNNING', :start, 'wf-1')
            """)
        .param("arn", arns.execution("Busy", "e1"))
        .param("sm", arn)
        .param("rev", registry.describe(arn).revision().revisionId())
        .param("sha", "0".repeat(64))
        .param("start", OffsetDateTime.now(ZoneOffset.UTC))
        .update();

    registry.delete(arn);

    assertThat(registry.describe(arn).stateMachine().status())
        .isEqualTo(StateMachineRecord.Status.DELETING);
    assertError(
        () -> registry.update(updateDefinition(arn, SUCCEED, false)),
        ErrorCode.STATE_MACHINE_DELETING,
        arn);
    assertError(
        () -> registry.resolveForExecution(arn, "e2"), ErrorCode.STATE_MACHINE_DELETING, arn);
    assertThat(registry.finishDeletion(arn)).isFalse();

    jdbc.sql("UPDATE execution SET status = 'SUCCEEDED' WHERE state_machine_arn = :sm")
        .param("sm", arn)
        .update();
    assertThat(registry.finishDeletion(arn)).isTrue();
    assertError(() -> registry.describe(arn), ErrorCode.STATE_MACHINE_DOES_NOT_EXIST, arn);
  }

  @Test
  void describingAnAliasArnAsAStateMachineIsAnInvalidArn() {
    var created = registry.create(create("Desc", PASS));
    assertError(
        () -> registry.describe(created.stateMachineArn() + ":someAlias"),
        ErrorCode.INVALID_ARN,
        "alias");
    assertError(
        () -> registry.describe("arn:aws:states:eu-west-1:123456789012:stateMachine:Desc"),
        ErrorCode.INVALID_ARN,
        "region");
  }

  ExecutionRow execution(String machine, String name, String input, java.time.Instant start) {
    var target = registry.resolveForExecution(arns.stateMachine(machine), name);
    return new ExecutionRow(
        arns.execution(machine, name),
        name,
        target.stateMachine().arn(),
        target.qualifierArn(),
        target.versionNumber(),
        target.aliasArn(),
        target.revision().revisionId(),
        input,
        ExecutionRecords.sha256(input),
        RowStatus.PENDING,
        start,
        null,
        "wf-" + name,
        null);
  }

  @Test
  void anAcceptedExecutionIsPinnedToItsRevisionAndIdempotentByNameAndInput() {
    registry.create(create("Runs", PASS));
    java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00.123Z");
    var first = executions.accept(execution("Runs", "e1", "{\"a\":1}", start));
    assertThat(first.created()).isTrue();

    var again = executions.accept(execution("Runs", "e1", "{\"a\":1}", start.plusSeconds(5)));
    assertThat(again.created()).isFalse();
    assertThat(again.row().startDate()).isEqualTo(start);
    assertError(
        () -> executions.accept(execution("Runs", "e1", "{\"a\":2}", start)),
        ErrorCode.EXECUTION_ALREADY_EXISTS,
        arns.execution("Runs", "e1"));

    registry.update(updateDefinition(arns.stateMachine("Runs"), SUCCEED, false));
    var stored = executions.find(arns.execution("Runs", "e1")).orElseThrow();
    assertThat(registry.findRevision(stored.revisionId()).orElseThrow().definition())
        .isEqualTo(PASS);
    assertThat(executions.pending(10)).extracting(ExecutionRow::name).containsExactly("e1");

    executions.markRunning(stored.executionArn(), "run-1");
    assertThat(executions.pending(10)).isEmpty();
    assertThat(
            executions.markFinished(
                stored.executionArn(), RowStatus.SUCCEEDED, start.plusSeconds(9)))
        .isTrue();
    assertThat(
            executions.markFinished(stored.executionArn(), RowStatus.FAILED, start.plusSeconds(10)))
        .isFalse();
    var finished = executions.find(stored.executionArn()).orElseThrow();
    assertThat(finished.status()).isEqualTo(RowStatus.SUCCEEDED);
    assertThat(finished.runId()).isEqualTo("run-1");
    assertThat(finished.stopDate()).isEqualTo(start.plusSeconds(9));
    // A closed execution's name cannot be started again, even with the same input.
    assertError(
        () -> executions.accept(execution("Runs", "e1", "{\"a\":1}", start)),
        ErrorCode.EXECUTION_ALREADY_EXISTS,
        "e1");
  }

  @Test
  void executionsListNewestFirstPageByPageAndByStatus() {
    registry.create(create("Listed", PASS));
    java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 5; i++) {
      executions.accept(execution("Listed", "e" + i, "{}", start.plusSeconds(i)));
    }
    executions.markFinished(
        arns.execution("Listed", "e3"), RowStatus.ABORTED, start.plusSeconds(60));
    String sm = arns.stateMachine("Listed");

    List<String> names = new ArrayList<>();
    String token = null;
    do {
      var page = executions.list(sm, null, token, 2);
      page.items().forEach(row -> names.add(row.name()));
      token = page.nextToken();
    } while (token != null);

    assertThat(names).containsExactly("e4", "e3", "e2", "e1", "e0");
    assertThat(executions.list(sm, RowStatus.ABORTED, null, 10).items())
        .extracting(ExecutionRow::name)
        .containsExactly("e3");
    assertError(() -> executions.list(sm, null, "bogus", 2), ErrorCode.INVALID_TOKEN, "bogus");
  }
}
