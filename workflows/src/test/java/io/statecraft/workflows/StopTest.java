package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.workflows.testing.StatecraftTestKit;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StopExecution: a cancellation with AWS's error and cause, recorded as the execution's abort. */
class StopTest {

  static StatecraftTestKit kit;

  @BeforeAll
  static void start() {
    kit = StatecraftTestKit.builder().build();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  static final String PARALLEL_WAITS =
      """
      {"StartAt":"Both","States":{"Both":{"Type":"Parallel","Branches":[
        {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":86400,"End":true}}},
        {"StartAt":"Longer","States":{"Longer":{"Type":"Wait","Seconds":172800,"End":true}}}
      ],"End":true}}}
      """;

  @Test
  void stoppingRecordsTheAbortOfEveryRunningStateAndEndsAsAborted() {
    StatecraftTestKit.Execution execution = kit.start("Stoppable", PARALLEL_WAITS, "{}");
    assertThat(execution.progress().currentStates())
        .containsExactly("Both", "Both[0]/Long", "Both[1]/Longer");

    kit.client().stop(execution.workflowId(), "Ops.Stopped", "maintenance");

    StatecraftTestKit.Result result = execution.await();
    assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(result.error()).isEqualTo("Ops.Stopped");
    assertThat(result.cause()).isEqualTo("maintenance");
    List<HistoryEventType> types = result.history().stream().map(HistoryEvent::type).toList();
    assertThat(types)
        .containsSubsequence(
            HistoryEventType.ParallelStateStarted, HistoryEventType.WaitStateAborted)
        .endsWith(HistoryEventType.ParallelStateAborted, HistoryEventType.ExecutionAborted);
    assertThat(types.stream().filter(t -> t == HistoryEventType.WaitStateAborted)).hasSize(2);
    HistoryEvent last = result.history().get(result.history().size() - 1);
    assertThat(last.error()).isEqualTo("Ops.Stopped");
    assertThat(last.cause()).isEqualTo("maintenance");
    assertThat(temporalStatus(execution.workflowId()))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);
  }

  @Test
  void aCancellationFromTheWebUiStopsTheExecutionWithItsReasonAsCause() {
    StatecraftTestKit.Execution execution =
        kit.start(
            "Stoppable",
            """
            {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":86400,"End":true}}}
            """,
            "{}");
    kit.environment()
        .getWorkflowClient()
        .newUntypedWorkflowStub(execution.workflowId())
        .cancel("no longer needed");
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(result.error()).isNull();
    assertThat(result.cause()).isEqualTo("no longer needed");
  }

  @Test
  void stoppingAnEndedExecutionChangesNothing() {
    StatecraftTestKit.Execution execution =
        kit.start(
            "Stoppable",
            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
            "{}");
    execution.await(Duration.ofMinutes(1));
    kit.client().stop(execution.workflowId(), "E", "c");
    assertThat(kit.client().describe(execution.workflowId()).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  private static WorkflowExecutionStatus temporalStatus(String workflowId) {
    return kit.environment()
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(kit.environment().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }
}
