package io.statecraft.examples.customworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.TaskQueueRouting;
import io.statecraft.workflows.WorkerSettings;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loyalty tasks inside a whole state machine, through the platform's interpreter workflow, on
 * the team's own task queue: the platform routes the activity types to it, as it would in
 * production with a routing entry, and the kit runs everything in-process with time skipping.
 */
class LoyaltyStateMachineTest {

  static final String TEAM_QUEUE = "loyalty-tasks";

  LoyaltyTasks tasks;
  StatecraftTestKit kit;
  String definition;

  @BeforeEach
  void setUp() throws IOException {
    tasks = new LoyaltyTasks(Map.of("c-42", 1_250L));
    kit =
        StatecraftTestKit.builder()
            .worker(TEAM_QUEUE, TaskDispatcher.builder().register(tasks).build())
            .settings(
                WorkerSettings.on(StatecraftTestKit.TASK_QUEUE)
                    .withRouting(
                        TaskQueueRouting.to(StatecraftTestKit.TASK_QUEUE)
                            .with("AwardLoyaltyPoints", TEAM_QUEUE)
                            .with("CheckCustomer*", TEAM_QUEUE)))
            .build();
    try (InputStream in = getClass().getResourceAsStream("/loyalty.asl.json")) {
      definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterEach
  void tearDown() {
    kit.close();
  }

  @Test
  void anEnrolledCustomerIsAwardedPointsAndReachesTheNextTier() {
    StatecraftTestKit.Result result =
        kit.run(
            "Loyalty",
            definition,
            "{\"customerId\":\"c-42\",\"orderId\":\"o-1\",\"totalCents\":99900}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().path("points").asLong()).isEqualTo(999);
    assertThat(result.output().path("balance").asLong()).isEqualTo(2_249);
    assertThat(result.output().path("tier").asText()).isEqualTo("SILVER");
    assertThat(result.history())
        .extracting(HistoryEvent::type)
        .containsSubsequence(
            HistoryEventType.ActivityScheduled,
            HistoryEventType.ActivitySucceeded,
            HistoryEventType.ActivityScheduled,
            HistoryEventType.ActivitySucceeded,
            HistoryEventType.ExecutionSucceeded);
  }

  @Test
  void aCustomerOutsideTheProgrammeIsCaughtByName() {
    StatecraftTestKit.Result result =
        kit.run(
            "Loyalty",
            definition,
            "{\"customerId\":\"c-9\",\"orderId\":\"o-2\",\"totalCents\":500}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().path("enrolled").asBoolean(true)).isFalse();
    assertThat(result.output().path("reason").asText())
        .isEqualTo("Customer c-9 is not in the programme");
  }

  @Test
  void eachExecutionIsAnInvocationOfItsOwnAndAwardsItsOwnPoints() {
    StatecraftTestKit.Execution execution =
        kit.start(
            "Loyalty",
            definition,
            "{\"customerId\":\"c-42\",\"orderId\":\"o-3\",\"totalCents\":10000}");
    StatecraftTestKit.Result result = execution.await();
    assertThat(result.output().path("balance").asLong()).isEqualTo(1_350);

    // Another execution is another invocation: it awards again.
    StatecraftTestKit.Result second =
        kit.run(
            "Loyalty",
            definition,
            "{\"customerId\":\"c-42\",\"orderId\":\"o-4\",\"totalCents\":10000}");
    assertThat(second.output().path("balance").asLong()).isEqualTo(1_450);
  }
}
