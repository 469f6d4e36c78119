package io.statecraft.activities.demo.order;

import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.demo.order.OrderModel.CatalogItem;
import io.statecraft.activities.demo.order.OrderModel.OrderLine;
import io.statecraft.activities.demo.order.OrderModel.Release;
import io.statecraft.activities.demo.order.OrderModel.Reservation;
import io.statecraft.activities.sdk.TaskError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The demo shop's stock: a catalog, stock levels and reservations per order. In memory and
 * thread-safe; reservations and releases are applied once per idempotency key.
 *
 * <p>Releasing an order also cancels it: a reservation that arrives after its order was released
 * (the compensation overtook the action it compensates) is refused with {@code OrderCancelled}
 * instead of leaving stock reserved for a failed order.
 */
public final class InventoryService {

  private final EffectLedger ledger;
  private final Map<String, CatalogItem> catalog;
  private final Map<String, Integer> stock = new HashMap<>();
  private final Map<String, Reservation> reservations = new HashMap<>();
  private final Set<String> cancelledOrders = new HashSet<>();
  private final Map<String, Integer> reservationsApplied = new HashMap<>();
  private final Map<String, Integer> releasesApplied = new HashMap<>();

  public InventoryService(EffectLedger ledger, Map<String, CatalogItem> catalog) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.catalog = Map.copyOf(catalog);
    catalog.values().forEach(item -> stock.put(item.sku(), item.initialStock()));
  }

  /** The demo catalog: three everyday products and one with a single unit in stock. */
  public static Map<String, CatalogItem> demoCatalog() {
    Map<String, CatalogItem> catalog = new LinkedHashMap<>();
    for (CatalogItem item :
        List.of(
            new CatalogItem("SKU-BOOK", "Field guide to state machines", 1_299, 100_000),
            new CatalogItem("SKU-MUG", "Durable mug", 899, 100_000),
            new CatalogItem("SKU-LAMP", "Desk lamp", 4_599, 100_000),
            new CatalogItem("SKU-RARE", "Signed first edition", 250_000, 1))) {
      catalog.put(item.sku(), item);
    }
    return catalog;
  }

  public Optional<CatalogItem> item(String sku) {
    return Optional.ofNullable(catalog.get(sku));
  }

  /**
   * Reserves the lines for the order, once per key.
   *
   * @throws TaskError {@code InsufficientStock}, {@code OrderInvalid} (unknown SKU) or {@code
   *     OrderCancelled}
   */
  public Reservation reserve(String key, String orderId, List<OrderLine> lines) {
    return ledger.applyOnce(
        "inventory.reserve", key, Reservation.class, () -> applyReserve(orderId, lines));
  }

  private synchronized Reservation applyReserve(String orderId, List<OrderLine> lines) {
    if (cancelledOrders.contains(orderId)) {
      throw TaskError.of("OrderCancelled", "Order " + orderId + " was cancelled; nothing reserved");
    }
    Reservation existing = reservations.get(orderId);
    if (existing != null) {
      return existing;
    }
    Map<String, Integer> wanted = new LinkedHashMap<>();
    for (OrderLine line : lines) {
      if (!catalog.containsKey(line.sku())) {
        throw TaskError.of("OrderInvalid", "Unknown SKU " + line.sku());
      }
      wanted.merge(line.sku(), line.quantity(), Integer::sum);
    }
    for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
      int available = stock.getOrDefault(entry.getKey(), 0);
      if (available < entry.getValue()) {
        throw TaskError.of(
            "InsufficientStock",
            entry.getKey() + ": " + entry.getValue() + " requested, " + available + " available");
      }
    }
    wanted.forEach((sku, quantity) -> stock.merge(sku, -quantity, Integer::sum));
    Reservation reservation = new Reservation("res-" + orderId, orderId, List.copyOf(lines));
    reservations.put(orderId, reservation);
    reservationsApplied.merge(orderId, 1, Integer::sum);
    return reservation;
  }

  /** Releases the order's reservation, if any, and cancels the order; once per key. */
  public Release release(String key, String orderId) {
    return ledger.applyOnce("inventory.release", key, Release.class, () -> applyRelease(orderId));
  }

  private synchronized Release applyRelease(String orderId) {
    cancelledOrders.add(orderId);
    Reservation reservation = reservations.remove(orderId);
    if (reservation == null) {
      return new Release(orderId, false, null);
    }
    for (OrderLine line : reservation.items()) {
      stock.merge(line.sku(), line.quantity(), Integer::sum);
    }
    releasesApplied.merge(orderId, 1, Integer::sum);
    return new Release(orderId, true, reservation.reservationId());
  }

  /** Units in stock and not reserved. */
  public synchronized int available(String sku) {
    return stock.getOrDefault(sku, 0);
  }

  public synchronized Optional<Reservation> reservation(String orderId) {
    return Optional.ofNullable(reservations.get(orderId));
  }

  /** How many times stock was reserved for the order: 1 at most when keys are stable. */
  public synchronized int reservationsApplied(String orderId) {
    return reservationsApplied.getOrDefault(orderId, 0);
  }

  /** How many times a reservation of the order was released. */
  public synchronized int releasesApplied(String orderId) {
    return releasesApplied.getOrDefault(orderId, 0);
  }
}
