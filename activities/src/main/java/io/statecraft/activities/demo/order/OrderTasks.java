package io.statecraft.activities.demo.order;

import io.statecraft.activities.TaskContext;
import io.statecraft.activities.demo.DemoRuntime;
import io.statecraft.activities.demo.order.OrderModel.CatalogItem;
import io.statecraft.activities.demo.order.OrderModel.Charge;
import io.statecraft.activities.demo.order.OrderModel.ChargeRequest;
import io.statecraft.activities.demo.order.OrderModel.Order;
import io.statecraft.activities.demo.order.OrderModel.OrderLine;
import io.statecraft.activities.demo.order.OrderModel.OrderRef;
import io.statecraft.activities.demo.order.OrderModel.PricedLine;
import io.statecraft.activities.demo.order.OrderModel.Refund;
import io.statecraft.activities.demo.order.OrderModel.Release;
import io.statecraft.activities.demo.order.OrderModel.Reservation;
import io.statecraft.activities.demo.order.OrderModel.ReserveRequest;
import io.statecraft.activities.demo.order.OrderModel.ShipRequest;
import io.statecraft.activities.demo.order.OrderModel.Shipment;
import io.statecraft.activities.demo.order.OrderModel.ValidatedOrder;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tasks of {@code examples/order-processing.asl.json}: validate, reserve inventory and charge
 * payment in parallel, ship; release and refund to compensate.
 *
 * <p>Business failures ({@code OrderInvalid}, {@code InsufficientStock}, {@code PaymentDeclined},
 * {@code AddressNotServiceable}, {@code OrderCancelled}) are final; the transient ones ({@code
 * InventoryUnavailable}, {@code PaymentGatewayTimeout}, {@code CarrierUnavailable}) are what the
 * state machine retries, and what {@link io.statecraft.activities.demo.DemoSettings} injects.
 */
public final class OrderTasks {

  /** The currency of every amount. */
  public static final String CURRENCY = "USD";

  private final InventoryService inventory;
  private final PaymentService payments;
  private final ShippingService shipping;
  private final DemoRuntime runtime;

  public OrderTasks(
      InventoryService inventory,
      PaymentService payments,
      ShippingService shipping,
      DemoRuntime runtime) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.payments = Objects.requireNonNull(payments, "payments");
    this.shipping = Objects.requireNonNull(shipping, "shipping");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /**
   * Checks the order and prices it from the catalog.
   *
   * @throws TaskError {@code OrderInvalid} naming the first problem
   */
  @AslTask("ValidateOrder")
  public ValidatedOrder validate(Order order, TaskContext context) {
    runtime.call("ValidateOrder", context, "OrderServiceUnavailable");
    if (order == null || blank(order.orderId())) {
      throw TaskError.of("OrderInvalid", "The order has no orderId");
    }
    if (blank(order.customerId())) {
      throw TaskError.of("OrderInvalid", "Order " + order.orderId() + " has no customerId");
    }
    if (order.items() == null || order.items().isEmpty()) {
      throw TaskError.of("OrderInvalid", "Order " + order.orderId() + " has no items");
    }
    if (order.shippingAddress() == null) {
      throw TaskError.of("OrderInvalid", "Order " + order.orderId() + " has no shippingAddress");
    }
    List<PricedLine> lines = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < order.items().size(); i++) {
      OrderLine line = order.items().get(i);
      if (line == null || blank(line.sku())) {
        throw TaskError.of("OrderInvalid", "Item " + (i + 1) + " has no sku");
      }
      if (line.quantity() <= 0) {
        throw TaskError.of(
            "OrderInvalid",
            "Item " + (i + 1) + " (" + line.sku() + ") has quantity " + line.quantity());
      }
      int position = i + 1;
      CatalogItem item =
          inventory
              .item(line.sku())
              .orElseThrow(
                  () ->
                      TaskError.of(
                          "OrderInvalid", "Item " + position + " has unknown sku " + line.sku()));
      long lineTotal = Math.multiplyExact(item.unitPriceCents(), (long) line.quantity());
      total = Math.addExact(total, lineTotal);
      lines.add(new PricedLine(line.sku(), line.quantity(), item.unitPriceCents(), lineTotal));
    }
    return runtime.respond(
        "ValidateOrder",
        context,
        new ValidatedOrder(order.orderId(), order.customerId(), lines, total, CURRENCY));
  }

  /** Reserves the order's items. */
  @AslTask("ReserveInventory")
  public Reservation reserve(ReserveRequest request, TaskContext context) {
    runtime.call("ReserveInventory", context, "InventoryUnavailable");
    requireOrder(request == null ? null : request.orderId());
    return runtime.respond(
        "ReserveInventory",
        context,
        inventory.reserve(context.idempotencyKey(), request.orderId(), request.items()));
  }

  /** Captures the payment. */
  @AslTask("ChargePayment")
  public Charge charge(ChargeRequest request, TaskContext context) {
    runtime.call("ChargePayment", context, "PaymentGatewayTimeout");
    requireOrder(request == null ? null : request.orderId());
    return runtime.respond(
        "ChargePayment",
        context,
        payments.charge(
            context.idempotencyKey(), request.orderId(), request.amountCents(), request.payment()));
  }

  /** Ships the reserved items. */
  @AslTask("ShipOrder")
  public Shipment ship(ShipRequest request, TaskContext context) {
    runtime.call("ShipOrder", context, "CarrierUnavailable");
    requireOrder(request == null ? null : request.orderId());
    return runtime.respond(
        "ShipOrder",
        context,
        shipping.ship(context.idempotencyKey(), request.orderId(), request.address()));
  }

  /** Compensation: releases whatever the order reserved. */
  @AslTask("ReleaseInventory")
  public Release release(OrderRef order, TaskContext context) {
    runtime.call("ReleaseInventory", context, "InventoryUnavailable");
    requireOrder(order == null ? null : order.orderId());
    return runtime.respond(
        "ReleaseInventory", context, inventory.release(context.idempotencyKey(), order.orderId()));
  }

  /** Compensation: refunds whatever the order was charged. */
  @AslTask("RefundPayment")
  public Refund refund(OrderRef order, TaskContext context) {
    runtime.call("RefundPayment", context, "PaymentGatewayTimeout");
    requireOrder(order == null ? null : order.orderId());
    return runtime.respond(
        "RefundPayment", context, payments.refund(context.idempotencyKey(), order.orderId()));
  }

  private static void requireOrder(String orderId) {
    if (blank(orderId)) {
      throw TaskError.of("OrderInvalid", "The task input has no orderId");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
