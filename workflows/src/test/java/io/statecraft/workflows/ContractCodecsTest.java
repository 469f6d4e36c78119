package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractCodecsTest {

  @Test
  void taskTokensRoundTripAndNameTheirWorkflowRun() {
    TaskToken token = new TaskToken("orders/exec-1", "run-1", "abcdefghijklmnopqrstuvwxyz012345");
    String text = token.encode();
    assertThat(text).startsWith("sc1.").hasSizeLessThanOrEqualTo(TaskToken.MAX_LENGTH);
    assertThat(TaskToken.decode(text)).isEqualTo(token);
    assertThat(token.toString()).doesNotContain(token.nonce());
  }

  @Test
  void malformedTaskTokensAreRefusedWithTheReason() {
    assertThatThrownBy(() -> TaskToken.decode("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> TaskToken.decode("token:Task#1")).hasMessageContaining("sc1.");
    assertThatThrownBy(() -> TaskToken.decode("sc1.a.b")).hasMessageContaining("form");
    assertThatThrownBy(() -> TaskToken.decode("sc1.!!.b2s.abcdefghijklmnopqrstuvwxyz"))
        .hasMessageContaining("workflow id");
    assertThatThrownBy(() -> TaskToken.decode("sc1.b3Jk.cnVu.short")).hasMessageContaining("nonce");
    assertThatThrownBy(() -> TaskToken.decode("sc1." + "a".repeat(1100)))
        .hasMessageContaining("1024");
  }

  @Test
  void stopReasonsCarryErrorAndCauseAndReadAnyOtherReasonAsACause() {
    StopReason stop = new StopReason("Ops.Stopped", "maintenance window");
    assertThat(StopReason.decode(stop.encode())).isEqualTo(stop);
    assertThat(StopReason.decode(new StopReason(null, null).encode()))
        .isEqualTo(new StopReason(null, null));
    assertThat(StopReason.decode("cancelled from the Web UI"))
        .isEqualTo(new StopReason(null, "cancelled from the Web UI"));
    assertThat(StopReason.decode(null)).isEqualTo(new StopReason(null, null));
    assertThat(StopReason.decode("statecraft-stop:{broken"))
        .isEqualTo(new StopReason(null, "statecraft-stop:{broken"));
  }

  @Test
  void workflowIdsAreReadableAndUnambiguous() {
    assertThat(WorkflowIds.execution("orders", "exec-1")).isEqualTo("orders/exec-1");
    assertThatThrownBy(() -> WorkflowIds.execution("a/b", "c")).hasMessageContaining("'/'");
    assertThatThrownBy(() -> WorkflowIds.execution("a", "")).hasMessageContaining("non-empty");
    assertThat(WorkflowIds.batch("orders/exec-1", 2, 3, "Items/50%", 7))
        .isEqualTo("orders/exec-1/r2f3-Items%2F50%25/7");
  }

  @Test
  void aNewRequestCarriesTheDefinitionHashAndTheStartTimeInContextForm() {
    ExecutionRequest request =
        ExecutionRequest.start(
            "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
            "orders",
            "arn:aws:states:us-east-1:123456789012:execution:orders:e1",
            "e1",
            null,
            Instant.parse("2024-05-01T12:00:00.123456Z"),
            "{}",
            "{\"StartAt\":\"A\"}");
    assertThat(request.startTime()).isEqualTo("2024-05-01T12:00:00.123Z");
    assertThat(request.definitionSha256())
        .isEqualTo(ExecutionRequest.sha256("{\"StartAt\":\"A\"}"))
        .hasSize(64);
    assertThat(request.workflowId()).isEqualTo("orders/e1");
    assertThat(request.resume()).isNull();
  }

  @Test
  void routingPrefersExactNamesThenTheLongestPrefix() {
    TaskQueueRouting routing =
        TaskQueueRouting.to("statecraft")
            .with("AwardLoyaltyPoints", "loyalty-awards")
            .with("Loyalty*", "loyalty")
            .with("LoyaltyTier*", "tiers");
    assertThat(routing.route("AwardLoyaltyPoints")).isEqualTo("loyalty-awards");
    assertThat(routing.route("LoyaltyLookup")).isEqualTo("loyalty");
    assertThat(routing.route("LoyaltyTierRecalc")).isEqualTo("tiers");
    assertThat(routing.route("ChargePayment")).isEqualTo("statecraft");
    assertThatThrownBy(() -> routing.with("a*b", "q")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> routing.with("*", "q")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> new TaskQueueRouting(" ", Map.of()))
        .hasMessageContaining("default task queue");
  }

  @Test
  void limitsRefuseValuesThatCannotBound() {
    assertThatThrownBy(() -> new HistoryLimits(0, 1, 1, 1, 1, 1, 1))
        .hasMessageContaining("continueAfterHistoryEvents");
    assertThatThrownBy(() -> new HistoryLimits(1, 1, -1, 1, 1, 1, 1))
        .hasMessageContaining("inlineItemsInWorkflow");
  }

  @Test
  void searchAttributesAreThreeKeywords() {
    assertThat(StatecraftSearchAttributes.all())
        .containsOnlyKeys(
            "StatecraftStateMachineName", "StatecraftCurrentState", "StatecraftExecutionName");
  }
}
