package io.statecraft.api.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.PlatformITBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * The AWS SDK for Java v2, pointed at the platform with its embedded Temporal server, walks the
 * whole life of executions: start, describe, history, list, stop, callbacks, qualifiers and
 * TestState.
 */
class AwsSdkExecutionsIT extends PlatformITBase {

  static final String ROLE = "arn:aws:iam::123456789012:role/sdk";
  static final String PREFIX = "arn:aws:states:us-east-1:123456789012:";

  static final String PASS_CHAIN =
      """
      {"StartAt":"Greet","States":{
        "Greet":{"Type":"Pass","Result":{"greeting":"hello"},"ResultPath":"$.g","Next":"Check"},
        "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":0,"Next":"Done"}],
                 "Default":"Done"},
        "Done":{"Type":"Succeed"}}}""";

  static final String WAITS =
      """
      {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""";

  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();
  SfnClient sfn;

  @BeforeEach
  void client() {
    sfn =
        sfnClient()
            // StartSyncExecution and TestState are modelled with the host prefix "sync-", which
            // an endpoint given as an IP address cannot take.
            .overrideConfiguration(
                c ->
                    c.putAdvancedOption(
                        SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
            .build();
  }

  @AfterEach
  void close() {
    sfn.close();
  }

  String create(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  DescribeExecutionResponse awaitEnd(String executionArn) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> sfn.describeExecution(r -> r.executionArn(executionArn)),
            d -> d.status() != ExecutionStatus.RUNNING);
  }

  List<HistoryEvent> history(String executionArn) {
    List<HistoryEvent> events = new ArrayList<>();
    String token = null;
    do {
      String page = token;
      GetExecutionHistoryResponse response =
          sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(3).nextToken(page));
      events.addAll(response.events());
      token = response.nextToken();
    } while (token != null);
    return events;
  }

  @Test
  void startsDescribesAndReadsTheHistoryOfAnExecution() {
    String machine = create("SdkPasses", PASS_CHAIN);
    Instant before = Instant.now().minusSeconds(1);
    StartExecutionResponse started =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("first").input("{\"n\":1}"));
    assertThat(started.executionArn()).isEqualTo(PREFIX + "execution:SdkPasses:first");
    assertThat(started.startDate()).isAfter(before);

    DescribeExecutionResponse done = awaitEnd(started.executionArn());
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.stateMachineArn()).isEqualTo(machine);
    assertThat(done.name()).isEqualTo("first");
    assertThat(done.startDate()).isEqualTo(started.startDate());
    assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
    assertThat(done.input()).isEqualTo("{\"n\":1}");
    assertThat(done.output()).isEqualTo("{\"n\":1,\"g\":{\"greeting\":\"hello\"}}");
    assertThat(done.stateMachineVersionArn()).isNull();

    // Three events per page, read across pages: what the execution did, in AWS's shapes.
    List<HistoryEvent> events = history(started.executionArn());
    assertThat(events)
        .extracting(HistoryEvent::type)
        .containsExactly(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.PASS_STATE_ENTERED,
            HistoryEventType.PASS_STATE_EXITED,
            HistoryEventType.CHOICE_STATE_ENTERED,
            HistoryEventType.CHOICE_STATE_EXITED,
            HistoryEventType.SUCCEED_STATE_ENTERED,
            HistoryEventType.SUCCEED_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).id()).isEqualTo(i + 1L);
      // As on AWS, the first state's entry follows from no event.
      assertThat(events.get(i).previousEventId()).isEqualTo(i == 1 ? 0L : (long) i);
    }
    assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"n\":1}");
    assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("Greet");
    assertThat(events.get(2).stateExitedEventDetails().output())
        .isEqualTo("{\"n\":1,\"g\":{\"greeting\":\"hello\"}}");
    assertThat(events.get(7).executionSucceededEventDetails().output()).isEqualTo(done.output());

    GetExecutionHistoryResponse newest =
        sfn.getExecutionHistory(
            r ->
                r.executionArn(started.executionArn())
                    .reverseOrder(true)
                    .maxResults(1)
                    .includeExecutionData(false));
    assertThat(newest.events()).hasSize(1);
    assertThat(newest.events().get(0).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(newest.events().get(0).executionSucceededEventDetails().output()).isNull();
    assertThat(newest.nextToken()).isNotNull();

    assertThatThrownBy(
            () -> sfn.describeExecution(r -> r.executionArn(PREFIX + "execution:SdkPasses:nope")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn("arn:aws:states:x")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () -> sfn.startExecution(r -> r.stateMachineArn(PREFIX + "stateMachine:NoSuchMachine")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void listsNewestFirstByStatusAndPageByPage() {
    String machine = create("SdkListed", WAITS);
    String quick = create("SdkListedQuick", PASS_CHAIN);
    for (int i = 0; i < 3; i++) {
      String name = "wait-" + i;
      sfn.startExecution(r -> r.stateMachineArn(machine).name(name));
    }
    String finished =
        sfn.startExecution(r -> r.stateMachineArn(quick).name("q").input("{\"n\":0}"))
            .executionArn();
    awaitEnd(finished);

    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String page = token;
      ListExecutionsResponse response =
          sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(2).nextToken(page));
      assertThat(response.executions().size()).isLessThanOrEqualTo(2);
      response.executions().forEach(e -> names.add(e.name()));
      token = response.nextToken();
    } while (token != null);
    assertThat(names).containsExactly("wait-2", "wait-1", "wait-0");

    ListExecutionsResponse running =
        sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING));
    assertThat(running.executions()).hasSize(3);
    assertThat(
            sfn.listExecutions(
                    r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED))
                .executions())
        .isEmpty();
    ExecutionListItem item =
        sfn.listExecutions(r -> r.stateMachineArn(quick).statusFilter(ExecutionStatus.SUCCEEDED))
            .executions()
            .getFirst();
    assertThat(item.executionArn()).isEqualTo(finished);
    assertThat(item.stopDate()).isNotNull();

    assertThatThrownBy(() -> sfn.listExecutions(r -> r.stateMachineArn(machine).nextToken("bogus")))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(
            () -> sfn.listExecutions(r -> r.stateMachineArn(PREFIX + "stateMachine:Nowhere")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void stopsAWaitingExecutionWithItsErrorAndCause() {
    String machine = create("SdkStopped", WAITS);
    String arn = sfn.startExecution(r -> r.stateMachineArn(machine).name("held")).executionArn();
    assertThat(sfn.describeExecution(r -> r.executionArn(arn)).status())
        .isEqualTo(ExecutionStatus.RUNNING);

    Instant stopped =
        sfn.stopExecution(r -> r.executionArn(arn).error("Operator.Stop").cause("not needed"))
            .stopDate();
    DescribeExecutionResponse described = awaitEnd(arn);
    assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(described.error()).isEqualTo("Operator.Stop");
    assertThat(described.cause()).isEqualTo("not needed");
    assertThat(described.stopDate()).isEqualTo(stopped);

    List<HistoryEvent> events = history(arn);
    assertThat(events.getLast().type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    assertThat(events.getLast().executionAbortedEventDetails().error()).isEqualTo("Operator.Stop");
    assertThat(events).extracting(HistoryEvent::type).contains(HistoryEventType.WAIT_STATE_ENTERED);
    // Stopping it again changes nothing.
    assertThat(sfn.stopExecution(r -> r.executionArn(arn)).stopDate()).isEqualTo(stopped);
  }

  @Test
  void startIsIdempotentByNameAndInput() {
    String machine = create("SdkIdempotent", WAITS);
    StartExecutionResponse first =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("same").input("{\"a\":1}"));
    StartExecutionResponse again =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("same").input("{\"a\":1}"));
    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());
    assertThatThrownBy(
            () ->
                sfn.startExecution(r -> r.stateMachineArn(machine).name("same").input("{\"a\":2}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);

    sfn.stopExecution(r -> r.executionArn(first.executionArn()));
    awaitEnd(first.executionArn());
    // A closed execution's name stays taken, even with the same input.
    assertThatThrownBy(
            () ->
                sfn.startExecution(r -> r.stateMachineArn(machine).name("same").input("{\"a\":1}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @Test
  void versionsAndAliasesRunTheRevisionTheyPin() {
    String v1 =
        """
        {"StartAt":"V","States":{"V":{"Type":"Pass","Result":"one","End":true}}}""";
    String v2 =
        """
        {"StartAt":"V","States":{"V":{"Type":"Pass","Result":"two","End":true}}}""";
    String machine =
        sfn.createStateMachine(
                r -> r.name("SdkVersioned").definition(v1).roleArn(ROLE).publish(true))
            .stateMachineArn();
    sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(v2));
    String alias =
        sfn.createStateMachineAlias(
                r ->
                    r.name("live")
                        .routingConfiguration(
                            RoutingConfigurationListItem.builder()
                                .stateMachineVersionArn(machine + ":1")
                                .weight(100)
                                .build()))
            .stateMachineAliasArn();

    String viaVersion =
        sfn.startExecution(r -> r.stateMachineArn(machine + ":1").name("by-version"))
            .executionArn();
    String viaAlias =
        sfn.startExecution(r -> r.stateMachineArn(alias).name("by-alias")).executionArn();
    String current =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("current")).executionArn();

    DescribeExecutionResponse version = awaitEnd(viaVersion);
    assertThat(version.output()).isEqualTo("\"one\"");
    assertThat(version.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(version.stateMachineAliasArn()).isNull();
    DescribeExecutionResponse aliased = awaitEnd(viaAlias);
    assertThat(aliased.output()).isEqualTo("\"one\"");
    assertThat(aliased.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(aliased.stateMachineAliasArn()).isEqualTo(alias);
    assertThat(awaitEnd(current).output()).isEqualTo("\"two\"");

    assertThat(sfn.describeStateMachineForExecution(r -> r.executionArn(viaAlias)).definition())
        .isEqualTo(v1);
    assertThat(sfn.describeStateMachineForExecution(r -> r.executionArn(current)).definition())
        .isEqualTo(v2);

    assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine + ":1")).executions())
        .extracting(ExecutionListItem::name)
        .containsExactlyInAnyOrder("by-version", "by-alias");
    assertThat(sfn.listExecutions(r -> r.stateMachineArn(alias)).executions())
        .extracting(ExecutionListItem::name)
        .containsExactly("by-alias");
    assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine)).executions()).hasSize(3);
  }

  JsonNode pendingReview(String transactionId) throws Exception {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(
                              URI.create(baseUrl() + "/demo/fraud/reviews?status=PENDING"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              for (JsonNode review : json.readTree(response.body()).path("reviews")) {
                if (review.path("transactionId").asText().equals(transactionId)) {
                  return review;
                }
              }
              return null;
            },
            review -> review != null);
  }

  static String transaction(String id) {
    // 2,500.00 abroad scores 65: neither approved nor declined outright, so a person reviews it.
    return "{\"transactionId\":\""
        + id
        + "\",\"accountId\":\"a-1\",\"amountCents\":250000,\"currency\":\"USD\",\"country\":\"FR\","
        + "\"homeCountry\":\"US\",\"merchantCategory\":\"electronics\"}";
  }

  @Test
  void aManualReviewCompletesWithSendTaskSuccess() throws Exception {
    String machine = PREFIX + "stateMachine:fraud-detection";
    String arn =
        sfn.startExecution(
                r -> r.stateMachineArn(machine).name("review-ok").input(transaction("t-ok")))
            .executionArn();
    JsonNode review = pendingReview("t-ok");
    String token = review.path("taskToken").asText();

    sfn.sendTaskHeartbeat(r -> r.taskToken(token));
    sfn.sendTaskSuccess(
        r ->
            r.taskToken(token)
                .output(
                    "{\"reviewId\":\"r\",\"decision\":\"APPROVED\",\"reviewer\":\"ada\",\"note\":\"ok\"}"));
    DescribeExecutionResponse done = awaitEnd(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json.readTree(done.output()).path("decision").asText()).isEqualTo("APPROVED");
    assertThat(history(arn))
        .extracting(HistoryEvent::type)
        .contains(HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_SUCCEEDED);

    // The token's task is done: using it again is too late.
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(r -> r.taskToken(token)))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void aManualReviewFailsWithSendTaskFailure() throws Exception {
    String machine = PREFIX + "stateMachine:fraud-detection";
    String arn =
        sfn.startExecution(
                r -> r.stateMachineArn(machine).name("review-no").input(transaction("t-no")))
            .executionArn();
    String token = pendingReview("t-no").path("taskToken").asText();
    sfn.sendTaskFailure(r -> r.taskToken(token).error("ReviewRejected").cause("fraud ring"));
    DescribeExecutionResponse done = awaitEnd(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("ReviewRejected");
    assertThat(done.cause()).isEqualTo("fraud ring");
  }

  @Test
  void unknownAndMalformedTokensAreRefusedInAwsTerms() {
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("not-a-token").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    // Well formed, but no workflow of that id exists.
    String unknown =
        new io.statecraft.workflows.TaskToken(
                "fraud-detection/never-ran", "run", "abcdefghijklmnopqrstuvwxyz012345")
            .encode();
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(unknown).output("{}")))
        .isInstanceOf(TaskDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.sendTaskFailure(r -> r.taskToken(unknown)))
        .isInstanceOf(TaskDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(r -> r.taskToken(unknown)))
        .isInstanceOf(TaskDoesNotExistException.class);
  }

  @Test
  void startSyncExecutionRunsExpressMachinesOnly() {
    String standard = create("SdkSyncStandard", PASS_CHAIN);
    assertThatThrownBy(() -> sfn.startSyncExecution(r -> r.stateMachineArn(standard)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
    String express =
        sfn.createStateMachine(
                r ->
                    r.name("SdkSyncExpress")
                        .definition(PASS_CHAIN)
                        .roleArn(ROLE)
                        .type(StateMachineType.EXPRESS))
            .stateMachineArn();
    StartSyncExecutionResponse result =
        sfn.startSyncExecution(r -> r.stateMachineArn(express).input("{\"n\":2}"));
    assertThat(result.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(result.output()).isEqualTo("{\"n\":2,\"g\":{\"greeting\":\"hello\"}}");
    assertThat(result.stopDate()).isAfterOrEqualTo(result.startDate());
  }

  @Test
  void testStateEvaluatesOneState() {
    TestStateResponse pass =
        sfn.testState(
            r ->
                r.definition(
                        "{\"Type\":\"Pass\",\"Parameters\":{\"sum.$\":\"States.MathAdd($.a, 2)\"},"
                            + "\"Next\":\"Elsewhere\"}")
                    .roleArn(ROLE)
                    .input("{\"a\":40}"));
    assertThat(pass.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(pass.output()).isEqualTo("{\"sum\":42}");
    assertThat(pass.nextState()).isEqualTo("Elsewhere");

    TestStateResponse fail =
        sfn.testState(
            r ->
                r.definition("{\"Type\":\"Fail\",\"Error\":\"Nope\",\"Cause\":\"because\"}")
                    .roleArn(ROLE));
    assertThat(fail.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(fail.error()).isEqualTo("Nope");
    assertThat(fail.cause()).isEqualTo("because");

    assertThatThrownBy(
            () -> sfn.testState(r -> r.definition("{\"Type\":\"Nonsense\"}").roleArn(ROLE)))
        .isInstanceOf(InvalidDefinitionException.class);
  }

  @Test
  void unsupportedResourcesAreRefusedWhenADefinitionIsCreated() {
    assertThatThrownBy(
            () ->
                create(
                    "SdkUnsupported",
                    """
                    {"StartAt":"Q","States":{"Q":{"Type":"Task",
                     "Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}"""))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("INVALID_RESOURCE");
    assertThat(
            sfn.validateStateMachineDefinition(
                    r ->
                        r.definition(
                            """
                            {"StartAt":"Q","States":{"Q":{"Type":"Task",
                             "Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}"""))
                .diagnostics())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("INVALID_RESOURCE"));
  }

  @Test
  void describeExecutionCarriesTheTemporalLinkAndRedriveFieldsTheSdkReads() throws Exception {
    String machine = create("SdkLinked", WAITS);
    String arn = sfn.startExecution(r -> r.stateMachineArn(machine).name("linked")).executionArn();
    HttpResponse<String> raw =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"executionArn\":\"" + arn + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(raw.body());
    JsonNode temporal = body.path("temporal");
    assertThat(temporal.path("workflowId").asText()).isEqualTo("SdkLinked/linked");
    assertThat(temporal.path("webUiUrl").asText())
        .startsWith("http://localhost:8233/namespaces/default/workflows/SdkLinked%2Flinked/")
        .endsWith("/history");
    assertThat(body.path("redriveCount").asInt()).isZero();

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
    assertThat(described.redriveCount()).isZero();
    assertThat(described.redriveStatusAsString()).isEqualTo("NOT_REDRIVABLE");
    assertThat(described.redriveStatusReason())
        .isEqualTo("Execution is RUNNING and cannot be redriven");

    assertThat(
            sfn.listExecutions(r -> r.stateMachineArn(machine).redriveFilter("REDRIVEN"))
                .executions())
        .isEmpty();
    assertThat(
            sfn.listExecutions(r -> r.stateMachineArn(machine).redriveFilter("NOT_REDRIVEN"))
                .executions())
        .hasSize(1);
    assertThatThrownBy(
            () -> sfn.listExecutions(r -> r.mapRunArn(PREFIX + "mapRun:SdkLinked/map:1234")))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.ResourceNotFoundException.class);
    sfn.stopExecution(r -> r.executionArn(arn));
  }
}
