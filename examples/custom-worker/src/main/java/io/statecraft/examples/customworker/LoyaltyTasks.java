package io.statecraft.examples.customworker;

import io.statecraft.activities.TaskContext;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loyalty team's tasks. Each is a plain method: JSON in, JSON out, ASL error names out.
 *
 * <p>A state machine calls them as activities, for example:
 *
 * <pre>{@code
 * "AwardPoints": {
 *   "Type": "Task",
 *   "Resource": "arn:aws:states:us-east-1:123456789012:activity:AwardLoyaltyPoints",
 *   "Parameters": {"customerId.$": "$.customerId", "orderId.$": "$.orderId", "amountCents.$": "$.totalCents"},
 *   "Retry": [{"ErrorEquals": ["LoyaltyStoreBusy"], "MaxAttempts": 3}],
 *   "Catch": [{"ErrorEquals": ["CustomerNotEnrolled"], "Next": "SkipLoyalty"}],
 *   "Next": "Done"
 * }
 * }</pre>
 */
public final class LoyaltyTasks {

  /** AwardLoyaltyPoints' input. */
  public record Purchase(String customerId, String orderId, long amountCents) {}

  /** AwardLoyaltyPoints' result. */
  public record Award(String customerId, String orderId, long pointsAwarded, long balance) {}

  /** CheckCustomerTier's input and result. */
  public record Customer(String customerId) {}

  public record Tier(String customerId, String tier, long balance) {}

  /** RecalculateTiers' input and result. */
  public record Batch(List<String> customerIds) {}

  public record Recalculated(int customers, Map<String, String> tiers) {}

  private final Map<String, Long> balances = new ConcurrentHashMap<>();
  private final Map<String, Award> awardsByKey = new ConcurrentHashMap<>();

  /** A store with the given enrolled customers and their balances. */
  public LoyaltyTasks(Map<String, Long> enrolled) {
    balances.putAll(enrolled);
  }

  /**
   * Awards one point per whole currency unit spent. A retry of the same task invocation (same
   * idempotency key) returns the first award instead of awarding again.
   *
   * @throws TaskError {@code CustomerNotEnrolled}
   */
  @AslTask("AwardLoyaltyPoints")
  public Award award(Purchase purchase, TaskContext context) {
    Objects.requireNonNull(purchase, "purchase");
    if (!balances.containsKey(purchase.customerId())) {
      throw TaskError.of(
          "CustomerNotEnrolled", "Customer " + purchase.customerId() + " is not in the programme");
    }
    return awardsByKey.computeIfAbsent(
        context.idempotencyKey(),
        key -> {
          long points = purchase.amountCents() / 100;
          long balance = balances.merge(purchase.customerId(), points, Long::sum);
          return new Award(purchase.customerId(), purchase.orderId(), points, balance);
        });
  }

  /** Reads a customer's tier; no side effects, so no idempotency key is needed. */
  @AslTask("CheckCustomerTier")
  public Tier tier(Customer customer) {
    Long balance = balances.get(customer.customerId());
    if (balance == null) {
      throw TaskError.of(
          "CustomerNotEnrolled", "Customer " + customer.customerId() + " is not in the programme");
    }
    return new Tier(customer.customerId(), tierOf(balance), balance);
  }

  /**
   * A long task that heartbeats its progress (the index of the next customer), so that a retry
   * after a worker crash resumes where the last attempt stopped.
   */
  @AslTask("RecalculateTiers")
  public Recalculated recalculate(Batch batch, TaskContext context) {
    int start = context.lastHeartbeatDetails(Integer.class).orElse(0);
    Map<String, String> tiers = new ConcurrentHashMap<>();
    for (int i = start; i < batch.customerIds().size(); i++) {
      String customerId = batch.customerIds().get(i);
      tiers.put(customerId, tierOf(balances.getOrDefault(customerId, 0L)));
      context.heartbeat(i + 1);
    }
    return new Recalculated(batch.customerIds().size() - start, Map.copyOf(tiers));
  }

  private static String tierOf(long balance) {
    if (balance >= 10_000) {
      return "GOLD";
    }
    return balance >= 1_000 ? "SILVER" : "BRONZE";
  }
}
