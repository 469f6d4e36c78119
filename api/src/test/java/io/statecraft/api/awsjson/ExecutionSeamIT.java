package io.statecraft.api.awsjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionService;
import io.statecraft.api.statemachines.Page;
import io.statecraft.api.statemachines.StateMachineRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

/**
 * The seam: with an {@link ExecutionService} in the context, the execution and callback actions are
 * served through it. The service here records calls and answers fixed values; it stands in for the
 * Temporal-backed implementation.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "statecraft.temporal.embedded.port=0",
      "spring.datasource.url=jdbc:h2:mem:seam;DB_CLOSE_DELAY=-1"
    })
class ExecutionSeamIT {

  static final Instant START = Instant.parse("2026-01-02T03:04:05.678Z");
  static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:Seam:run-1";

  @TestConfiguration
  static class Recording {
    @Bean
    @org.springframework.context.annotation.Primary
    RecordingExecutions recordingExecutions() {
      return new RecordingExecutions();
    }
  }

  static final class RecordingExecutions implements ExecutionService {
    final List<Object> calls = new ArrayList<>();

    @Override
    public Started start(StartCommand command) {
      calls.add(command);
      return new Started(EXECUTION, START);
    }

    @Override
    public SyncResult startSync(StartCommand command) {
      calls.add(command);
      return new SyncResult(
          EXECUTION,
          command.stateMachineArn(),
          "run-1",
          START,
          START,
          Status.SUCCEEDED,
          command.input(),
          "{\"done\":true}",
          null,
          null);
    }

    @Override
    public Execution describe(String executionArn) {
      calls.add(executionArn);
      if (!executionArn.equals(EXECUTION)) {
        throw new ApiException(
            ErrorCode.EXECUTION_DOES_NOT_EXIST, "Execution Does Not Exist: '" + executionArn + "'");
      }
      return new Execution(
          EXECUTION,
          "arn:aws:states:us-east-1:123456789012:stateMachine:Seam",
          "run-1",
          Status.RUNNING,
          START,
          null,
          "{\"a\":1}",
          null,
          null,
          null,
          null,
          null,
          "rev");
    }

    @Override
    public Execution recorded(String executionArn) {
      return describe(executionArn);
    }

    @Override
    public List<String> currentStates(String executionArn) {
      return List.of();
    }

    @Override
    public StateMachineRegistry.Description describeStateMachineForExecution(String executionArn) {
      throw new ApiException(ErrorCode.EXECUTION_DOES_NOT_EXIST, "Execution Does Not Exist");
    }

    @Override
    public Page<ExecutionSummary> list(ListQuery query) {
      calls.add(query);
      return new Page<>(List.of(), null);
    }

    @Override
    public Instant stop(String executionArn, String error, String cause) {
      calls.add(List.of(executionArn, error, cause));
      return START.plusSeconds(1);
    }

    @Override
    public Page<HistoryEvent> history(HistoryQuery query) {
      calls.add(query);
      return new Page<>(
          List.of(
              new HistoryEvent(
                  1,
                  0,
                  START,
                  "ExecutionStarted",
                  "executionStartedEventDetails",
                  "{\"input\":\"{}\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\"}"),
              new HistoryEvent(
                  2,
                  1,
                  START,
                  "PassStateEntered",
                  "stateEnteredEventDetails",
                  "{\"name\":\"A\",\"input\":\"{}\"}")),
          "next-page");
    }

    @Override
    public void sendTaskSuccess(String taskToken, String output) {
      calls.add(List.of(taskToken, output));
      if (taskToken.equals("gone")) {
        throw new ApiException(ErrorCode.TASK_DOES_NOT_EXIST, "Task Does Not Exist");
      }
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
      calls.add(List.of(taskToken, error, cause));
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
      calls.add(taskToken);
    }

    @Override
    public TestStateResult testState(TestStateCommand command) {
      calls.add(command);
      return new TestStateResult("{}", null, null, null, "Next", "SUCCEEDED");
    }
  }

  @LocalServerPort int port;
  @Autowired RecordingExecutions recorded;
  SfnClient sfn;

  @BeforeEach
  void client() {
    recorded.calls.clear();
    sfn =
        SfnClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
            .build();
  }

  @AfterEach
  void close() {
    sfn.close();
  }

  @Test
  void startExecutionReachesTheServiceWithDefaultedInput() {
    var started =
        sfn.startExecution(
            r ->
                r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Seam")
                    .name("run-1"));
    assertThat(started.executionArn()).isEqualTo(EXECUTION);
    assertThat(started.startDate()).isEqualTo(START);
    assertThat(recorded.calls)
        .containsExactly(
            new ExecutionService.StartCommand(
                "arn:aws:states:us-east-1:123456789012:stateMachine:Seam", "run-1", "{}", null));
  }

  @Test
  void inputThatIsNotJsonIsRefusedBeforeTheService() {
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    r ->
                        r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Seam")
                            .input("{not json")))
        .isInstanceOf(InvalidExecutionInputException.class);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("t").output("nope")))
        .isInstanceOf(InvalidOutputException.class);
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    r ->
                        r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Seam")
                            .name("bad name")))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.InvalidNameException.class);
    String big = "{\"k\":\"" + "\u00e9".repeat(140_000) + "\"}";
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    r ->
                        r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Seam")
                            .input(big)))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.ValidationException.class)
        .hasMessageContaining("262144");
    assertThat(recorded.calls).isEmpty();
  }

  @Test
  void describeAndErrorsComeBackInAwsShapes() {
    var described = sfn.describeExecution(r -> r.executionArn(EXECUTION));
    assertThat(described.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(described.input()).isEqualTo("{\"a\":1}");
    assertThat(described.startDate()).isEqualTo(START);
    assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(EXECUTION + "x")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("gone").output("{}")))
        .isInstanceOf(TaskDoesNotExistException.class);
  }

  @Test
  void historyEventsCarryTheirDetailsMember() {
    var history = sfn.getExecutionHistory(r -> r.executionArn(EXECUTION).reverseOrder(true));
    assertThat(history.events()).hasSize(2);
    assertThat(history.events().get(0).type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
    assertThat(history.events().get(0).executionStartedEventDetails().roleArn())
        .isEqualTo("arn:aws:iam::123456789012:role/r");
    assertThat(history.events().get(1).stateEnteredEventDetails().name()).isEqualTo("A");
    assertThat(history.events().get(1).previousEventId()).isEqualTo(1L);
    assertThat(history.nextToken()).isEqualTo("next-page");
    assertThat(recorded.calls)
        .containsExactly(new ExecutionService.HistoryQuery(EXECUTION, null, 0, true, true));
  }

  @Test
  void stopAndCallbacksPassTheirArguments() {
    assertThat(sfn.stopExecution(r -> r.executionArn(EXECUTION).error("E").cause("C")).stopDate())
        .isEqualTo(START.plusSeconds(1));
    sfn.sendTaskFailure(r -> r.taskToken("tok").error("Boom").cause("because"));
    sfn.sendTaskHeartbeat(r -> r.taskToken("tok"));
    assertThat(recorded.calls)
        .containsExactly(List.of(EXECUTION, "E", "C"), List.of("tok", "Boom", "because"), "tok");
  }
}
