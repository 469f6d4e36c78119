package io.statecraft.activities.demo.fraud;

import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.demo.fraud.FraudModel.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where the fraud demo records approvals and declines, once per idempotency key. */
public final class DecisionLog {

  private final EffectLedger ledger;
  private final List<Decision> decisions = new ArrayList<>();
  private final Map<String, Integer> decisionsApplied = new HashMap<>();

  public DecisionLog(EffectLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /** Records a decision (APPROVED or DECLINED) for the transaction, once per key. */
  public Decision record(String key, String transactionId, String decision, String reason) {
    return ledger.applyOnce(
        "fraud.decision",
        key,
        Decision.class,
        () -> {
          Decision recorded = new Decision("dec-" + transactionId, transactionId, decision, reason);
          synchronized (this) {
            decisions.add(recorded);
            decisionsApplied.merge(transactionId, 1, Integer::sum);
          }
          return recorded;
        });
  }

  /** All decisions, in the order they were recorded. */
  public synchronized List<Decision> decisions() {
    return List.copyOf(decisions);
  }

  /** How many decisions were recorded for the transaction: 1 when keys are stable. */
  public synchronized int decisionsApplied(String transactionId) {
    return decisionsApplied.getOrDefault(transactionId, 0);
  }
}
