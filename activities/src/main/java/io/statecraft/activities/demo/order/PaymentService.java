package io.statecraft.activities.demo.order;

import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.demo.order.OrderModel.Charge;
import io.statecraft.activities.demo.order.OrderModel.Payment;
import io.statecraft.activities.demo.order.OrderModel.Refund;
import io.statecraft.activities.sdk.TaskError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The demo payment gateway: captures and refunds, once per idempotency key. Token {@code
 * tok_declined} is declined. As with inventory, refunding an order cancels it, so a charge that
 * arrives after the refund is refused with {@code OrderCancelled}.
 */
public final class PaymentService {

  /** A payment token the gateway always declines. */
  public static final String DECLINED_TOKEN = "tok_declined";

  private final EffectLedger ledger;
  private final Map<String, Charge> charges = new HashMap<>();
  private final Set<String> cancelledOrders = new HashSet<>();
  private final Map<String, Integer> chargesApplied = new HashMap<>();
  private final Map<String, Integer> refundsApplied = new HashMap<>();
  private long capturedCents;

  public PaymentService(EffectLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /**
   * Captures the amount for the order, once per key.
   *
   * @throws TaskError {@code PaymentDeclined} or {@code OrderCancelled}
   */
  public Charge charge(String key, String orderId, long amountCents, Payment payment) {
    return ledger.applyOnce(
        "payment.charge", key, Charge.class, () -> applyCharge(orderId, amountCents, payment));
  }

  private synchronized Charge applyCharge(String orderId, long amountCents, Payment payment) {
    if (cancelledOrders.contains(orderId)) {
      throw TaskError.of("OrderCancelled", "Order " + orderId + " was cancelled; nothing charged");
    }
    Charge existing = charges.get(orderId);
    if (existing != null) {
      return existing;
    }
    if (payment == null || payment.token() == null || payment.token().isBlank()) {
      throw TaskError.of("PaymentDeclined", "No payment token for order " + orderId);
    }
    if (DECLINED_TOKEN.equals(payment.token())) {
      throw TaskError.of("PaymentDeclined", "The card was declined for order " + orderId);
    }
    if (amountCents <= 0) {
      throw TaskError.of("PaymentDeclined", "Amount must be positive, was " + amountCents);
    }
    Charge charge = new Charge("ch-" + orderId, orderId, amountCents, "CAPTURED");
    charges.put(orderId, charge);
    capturedCents += amountCents;
    chargesApplied.merge(orderId, 1, Integer::sum);
    return charge;
  }

  /** Refunds the order's charge, if any, and cancels the order; once per key. */
  public Refund refund(String key, String orderId) {
    return ledger.applyOnce("payment.refund", key, Refund.class, () -> applyRefund(orderId));
  }

  private synchronized Refund applyRefund(String orderId) {
    cancelledOrders.add(orderId);
    Charge charge = charges.remove(orderId);
    if (charge == null) {
      return new Refund(orderId, false, null, 0);
    }
    capturedCents -= charge.amountCents();
    refundsApplied.merge(orderId, 1, Integer::sum);
    return new Refund(orderId, true, "rf-" + orderId, charge.amountCents());
  }

  public synchronized Optional<Charge> charge(String orderId) {
    return Optional.ofNullable(charges.get(orderId));
  }

  /** How many times the order was charged: 1 at most when keys are stable. */
  public synchronized int chargesApplied(String orderId) {
    return chargesApplied.getOrDefault(orderId, 0);
  }

  public synchronized int refundsApplied(String orderId) {
    return refundsApplied.getOrDefault(orderId, 0);
  }

  /** Captured minus refunded, over all orders. */
  public synchronized long capturedCents() {
    return capturedCents;
  }
}
