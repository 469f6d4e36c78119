package io.statecraft.activities.demo.order;

import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.demo.order.OrderModel.Address;
import io.statecraft.activities.demo.order.OrderModel.Shipment;
import io.statecraft.activities.sdk.TaskError;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The demo carrier: one shipment per order, created once per idempotency key. */
public final class ShippingService {

  /** The carrier's name in every shipment. */
  public static final String CARRIER = "Statecraft Express";

  private static final Set<String> UNSERVED_COUNTRIES = Set.of("AQ");

  private final EffectLedger ledger;
  private final Map<String, Shipment> shipments = new HashMap<>();
  private final Map<String, Integer> shipmentsApplied = new HashMap<>();

  public ShippingService(EffectLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /**
   * Ships the order, once per key.
   *
   * @throws TaskError {@code AddressNotServiceable}
   */
  public Shipment ship(String key, String orderId, Address address) {
    return ledger.applyOnce(
        "shipping.ship", key, Shipment.class, () -> applyShip(orderId, address));
  }

  private synchronized Shipment applyShip(String orderId, Address address) {
    Shipment existing = shipments.get(orderId);
    if (existing != null) {
      return existing;
    }
    if (address == null || address.country() == null) {
      throw TaskError.of("AddressNotServiceable", "Order " + orderId + " has no address");
    }
    if (UNSERVED_COUNTRIES.contains(address.country().toUpperCase(Locale.ROOT))) {
      throw TaskError.of(
          "AddressNotServiceable", CARRIER + " does not deliver to " + address.country());
    }
    Shipment shipment = new Shipment("shp-" + orderId, orderId, trackingNumber(orderId), CARRIER);
    shipments.put(orderId, shipment);
    shipmentsApplied.merge(orderId, 1, Integer::sum);
    return shipment;
  }

  /** A tracking number derived from the order id, the same on every run. */
  static String trackingNumber(String orderId) {
    long h = orderId.hashCode() & 0xffffffffL;
    return String.format("TRK%010d", h);
  }

  public synchronized Optional<Shipment> shipment(String orderId) {
    return Optional.ofNullable(shipments.get(orderId));
  }

  /** How many shipments were created for the order: 1 at most when keys are stable. */
  public synchronized int shipmentsApplied(String orderId) {
    return shipmentsApplied.getOrDefault(orderId, 0);
  }
}
