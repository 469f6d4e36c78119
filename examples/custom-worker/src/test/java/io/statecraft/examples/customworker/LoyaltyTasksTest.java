package io.statecraft.examples.customworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.examples.customworker.LoyaltyTasks.Award;
import io.statecraft.examples.customworker.LoyaltyTasks.Batch;
import io.statecraft.examples.customworker.LoyaltyTasks.Customer;
import io.statecraft.examples.customworker.LoyaltyTasks.Purchase;
import io.statecraft.examples.customworker.LoyaltyTasks.Recalculated;
import io.statecraft.examples.customworker.LoyaltyTasks.Tier;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tasks as the platform calls them: by activity type, through a Temporal activity worker. */
class LoyaltyTasksTest {

  /** How the platform sees the tasks: activity types with one argument. */
  @ActivityInterface
  public interface Loyalty {
    @ActivityMethod(name = "AwardLoyaltyPoints")
    Award award(Purchase purchase);

    @ActivityMethod(name = "CheckCustomerTier")
    Tier tier(Customer customer);

    @ActivityMethod(name = "RecalculateTiers")
    Recalculated recalculate(Batch batch);
  }

  private TestActivityEnvironment env;
  private Loyalty loyalty;
  private final List<Integer> progress = new ArrayList<>();

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        TaskDispatcher.builder()
            .register(new LoyaltyTasks(Map.of("c-42", 1_250L, "c-7", 12_000L)))
            .build());
    env.setActivityHeartbeatListener(Integer.class, progress::add);
    loyalty =
        env.newActivityStub(
            Loyalty.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void awardsOnePointPerCurrencyUnit() {
    Award award = loyalty.award(new Purchase("c-42", "o-1", 34_999));
    assertThat(award).isEqualTo(new Award("c-42", "o-1", 349, 1_599));
    assertThat(loyalty.tier(new Customer("c-42")).tier()).isEqualTo("SILVER");
  }

  @Test
  void anUnknownCustomerFailsWithTheAslErrorName() {
    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class, () -> loyalty.award(new Purchase("c-404", "o-2", 100)));
    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo("CustomerNotEnrolled");
    assertThat(cause.getOriginalMessage()).isEqualTo("Customer c-404 is not in the programme");
  }

  @Test
  void longTasksHeartbeatTheirProgress() {
    Recalculated result = loyalty.recalculate(new Batch(List.of("c-42", "c-7", "c-1")));
    assertThat(result.tiers()).containsEntry("c-7", "GOLD").containsEntry("c-1", "BRONZE");
    // Heartbeats are throttled by the SDK; the first always gets through.
    assertThat(progress).isNotEmpty().first().isEqualTo(1);
  }

  @Test
  void aRetryResumesFromTheLastHeartbeat() {
    env.setHeartbeatDetails(2); // as if the previous attempt died after two customers
    Recalculated result = loyalty.recalculate(new Batch(List.of("c-42", "c-7", "c-1")));
    assertThat(result.customers()).isEqualTo(1);
    assertThat(result.tiers()).containsOnlyKeys("c-1");
  }
}
