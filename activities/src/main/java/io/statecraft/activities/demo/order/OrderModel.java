package io.statecraft.activities.demo.order;

import java.util.List;

/** The JSON shapes of the order-processing demo's tasks. Amounts are in cents. */
public final class OrderModel {

  private OrderModel() {}

  /** The execution input and ValidateOrder's input. */
  public record Order(
      String orderId,
      String customerId,
      List<OrderLine> items,
      Payment payment,
      Address shippingAddress) {}

  /** One ordered product. */
  public record OrderLine(String sku, int quantity) {}

  /** How the customer pays; {@code tok_declined} is declined by the demo payment service. */
  public record Payment(String method, String token) {}

  /** Where to ship; the demo carrier does not serve country {@code AQ}. */
  public record Address(
      String name, String line1, String city, String postalCode, String country) {}

  /** A product the shop sells. */
  public record CatalogItem(String sku, String name, long unitPriceCents, int initialStock) {}

  /** ValidateOrder's result. */
  public record ValidatedOrder(
      String orderId,
      String customerId,
      List<PricedLine> lines,
      long totalCents,
      String currency) {}

  /** An order line with its catalog price. */
  public record PricedLine(String sku, int quantity, long unitPriceCents, long lineTotalCents) {}

  /** ReserveInventory's input. */
  public record ReserveRequest(String orderId, List<OrderLine> items) {}

  /** ReserveInventory's result. */
  public record Reservation(String reservationId, String orderId, List<OrderLine> items) {}

  /** ChargePayment's input. */
  public record ChargeRequest(
      String orderId, String customerId, long amountCents, Payment payment) {}

  /** ChargePayment's result. */
  public record Charge(String chargeId, String orderId, long amountCents, String status) {}

  /** ShipOrder's input. */
  public record ShipRequest(
      String orderId, List<OrderLine> items, Address address, String reservationId) {}

  /** ShipOrder's result. */
  public record Shipment(
      String shipmentId, String orderId, String trackingNumber, String carrier) {}

  /** ReleaseInventory's and RefundPayment's input. */
  public record OrderRef(String orderId) {}

  /** ReleaseInventory's result; {@code released} is false when nothing was reserved. */
  public record Release(String orderId, boolean released, String reservationId) {}

  /** RefundPayment's result; {@code refunded} is false when nothing was charged. */
  public record Refund(String orderId, boolean refunded, String refundId, long amountCents) {}
}
