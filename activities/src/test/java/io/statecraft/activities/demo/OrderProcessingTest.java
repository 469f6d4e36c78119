package io.statecraft.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.activities.FixedTaskContext;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order-processing tasks, called in the order the state machine calls them. */
class OrderProcessingTest {

  private final ObjectMapper mapper = TaskDispatcher.defaultObjectMapper();

  private static final String ORDER =
      """
      {"orderId":"o-1","customerId":"c-9",
       "items":[{"sku":"SKU-BOOK","quantity":2},{"sku":"SKU-MUG","quantity":1}],
       "payment":{"method":"card","token":"tok_visa"},
       "shippingAddress":{"name":"Ada","line1":"1 Loop St","city":"Springfield","postalCode":"12345","country":"US"}}
      """;

  private record Fixture(DemoServices demo, TaskDispatcher tasks) {}

  private Fixture fixture(DemoSettings settings) {
    DemoServices demo = DemoServices.create(settings);
    return new Fixture(
        demo, TaskDispatcher.builder().register(demo.taskObjects().toArray()).build());
  }

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  private static ApplicationFailure fails(Runnable call) {
    try {
      call.run();
    } catch (ApplicationFailure failure) {
      return failure;
    }
    throw new AssertionError("Expected the task to fail");
  }

  @Test
  void happyPathValidatesReservesChargesAndShips() throws Exception {
    Fixture f = fixture(DemoSettings.defaults());
    String execution = "order-processing/o-1";
    JsonNode order = json(ORDER);

    JsonNode validated =
        f.tasks().invoke("ValidateOrder", order, FixedTaskContext.of(execution, "ValidateOrder"));
    assertThat(validated.get("totalCents").asLong()).isEqualTo(2 * 1_299 + 899);
    assertThat(validated.get("currency").asText()).isEqualTo("USD");

    JsonNode reservation =
        f.tasks()
            .invoke(
                "ReserveInventory",
                json("{\"orderId\":\"o-1\",\"items\":" + order.get("items") + "}"),
                FixedTaskContext.of(execution, "ReserveInventory"));
    JsonNode charge =
        f.tasks()
            .invoke(
                "ChargePayment",
                json(
                    "{\"orderId\":\"o-1\",\"customerId\":\"c-9\",\"amountCents\":3497,"
                        + "\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}"),
                FixedTaskContext.of(execution, "ChargePayment"));
    JsonNode shipment =
        f.tasks()
            .invoke(
                "ShipOrder",
                json(
                    "{\"orderId\":\"o-1\",\"items\":"
                        + order.get("items")
                        + ",\"address\":"
                        + order.get("shippingAddress")
                        + ",\"reservationId\":\"res-o-1\"}"),
                FixedTaskContext.of(execution, "ShipOrder"));

    assertThat(reservation.get("reservationId").asText()).isEqualTo("res-o-1");
    assertThat(charge)
        .isEqualTo(
            json(
                "{\"chargeId\":\"ch-o-1\",\"orderId\":\"o-1\",\"amountCents\":3497,\"status\":\"CAPTURED\"}"));
    assertThat(shipment.get("shipmentId").asText()).isEqualTo("shp-o-1");
    assertThat(shipment.get("trackingNumber").asText()).matches("TRK\\d{10}");
    assertThat(f.demo().inventory().available("SKU-BOOK")).isEqualTo(100_000 - 2);
    assertThat(f.demo().payments().capturedCents()).isEqualTo(3497);
  }

  @Test
  void retriesOfOneInvocationChargeOnceAndReturnTheRecordedResult() throws Exception {
    Fixture f = fixture(DemoSettings.defaults());
    FixedTaskContext first = FixedTaskContext.of("order-processing/o-2", "ChargePayment");
    JsonNode request =
        json(
            "{\"orderId\":\"o-2\",\"customerId\":\"c\",\"amountCents\":1000,"
                + "\"payment\":{\"token\":\"tok_visa\"}}");

    JsonNode original = f.tasks().invoke("ChargePayment", request, first);
    JsonNode afterCrash = f.tasks().invoke("ChargePayment", request, first.retried());
    JsonNode interpreterRetry =
        f.tasks().invoke("ChargePayment", request, first.interpreterRetry(2));

    assertThat(afterCrash).isEqualTo(original);
    assertThat(interpreterRetry).isEqualTo(original);
    assertThat(f.demo().payments().chargesApplied("o-2")).isEqualTo(1);
    assertThat(f.demo().payments().capturedCents()).isEqualTo(1000);
    assertThat(f.demo().ledger().requestCount("payment.charge", first.idempotencyKey()))
        .isEqualTo(3);
  }

  @Test
  void declinedPaymentIsCompensatedByReleasingTheReservation() throws Exception {
    Fixture f = fixture(DemoSettings.defaults());
    String execution = "order-processing/o-3";
    f.tasks()
        .invoke(
            "ReserveInventory",
            json("{\"orderId\":\"o-3\",\"items\":[{\"sku\":\"SKU-LAMP\",\"quantity\":3}]}"),
            FixedTaskContext.of(execution, "ReserveInventory"));
    assertThat(f.demo().inventory().available("SKU-LAMP")).isEqualTo(100_000 - 3);

    ApplicationFailure declined =
        fails(
            () ->
                f.tasks()
                    .invoke(
                        "ChargePayment",
                        jsonUnchecked(
                            "{\"orderId\":\"o-3\",\"customerId\":\"c\",\"amountCents\":13797,"
                                + "\"payment\":{\"token\":\"tok_declined\"}}"),
                        FixedTaskContext.of(execution, "ChargePayment")));
    assertThat(declined.getType()).isEqualTo("PaymentDeclined");

    JsonNode release =
        f.tasks()
            .invoke(
                "ReleaseInventory",
                json("{\"orderId\":\"o-3\"}"),
                FixedTaskContext.of(execution, "ReleaseInventory"));
    JsonNode refund =
        f.tasks()
            .invoke(
                "RefundPayment",
                json("{\"orderId\":\"o-3\"}"),
                FixedTaskContext.of(execution, "RefundPayment"));
    // Compensations are retried like any task: a repeat must not release twice.
    f.tasks()
        .invoke(
            "ReleaseInventory",
            json("{\"orderId\":\"o-3\"}"),
            FixedTaskContext.of(execution, "ReleaseInventory").retried());

    assertThat(release.get("released").asBoolean()).isTrue();
    assertThat(refund.get("refunded").asBoolean()).isFalse();
    assertThat(f.demo().inventory().available("SKU-LAMP")).isEqualTo(100_000);
    assertThat(f.demo().inventory().releasesApplied("o-3")).isEqualTo(1);
    assertThat(f.demo().payments().chargesApplied("o-3")).isZero();
  }

  @Test
  void aReservationArrivingAfterItsCompensationIsRefused() throws Exception {
    Fixture f = fixture(DemoSettings.defaults());
    String execution = "order-processing/o-4";
    f.tasks()
        .invoke(
            "ReleaseInventory",
            json("{\"orderId\":\"o-4\"}"),
            FixedTaskContext.of(execution, "ReleaseInventory"));
    f.tasks()
        .invoke(
            "RefundPayment",
            json("{\"orderId\":\"o-4\"}"),
            FixedTaskContext.of(execution, "RefundPayment"));

    ApplicationFailure reserve =
        fails(
            () ->
                f.tasks()
                    .invoke(
                        "ReserveInventory",
                        jsonUnchecked(
                            "{\"orderId\":\"o-4\",\"items\":[{\"sku\":\"SKU-MUG\",\"quantity\":1}]}"),
                        FixedTaskContext.of(execution, "ReserveInventory")));
    ApplicationFailure charge =
        fails(
            () ->
                f.tasks()
                    .invoke(
                        "ChargePayment",
                        jsonUnchecked(
                            "{\"orderId\":\"o-4\",\"amountCents\":899,\"payment\":{\"token\":\"tok_visa\"}}"),
                        FixedTaskContext.of(execution, "ChargePayment")));
    assertThat(reserve.getType()).isEqualTo("OrderCancelled");
    assertThat(charge.getType()).isEqualTo("OrderCancelled");
    assertThat(f.demo().inventory().available("SKU-MUG")).isEqualTo(100_000);
    assertThat(f.demo().payments().capturedCents()).isZero();
  }

  @Test
  void businessFailuresNameTheProblem() {
    Fixture f = fixture(DemoSettings.defaults());
    Map<String, String> invalid =
        Map.of(
            "{\"orderId\":\"o-5\",\"customerId\":\"c\",\"items\":[],\"shippingAddress\":{}}",
            "has no items",
            "{\"orderId\":\"o-5\",\"customerId\":\"c\",\"items\":[{\"sku\":\"SKU-MUG\",\"quantity\":0}],\"shippingAddress\":{}}",
            "quantity 0",
            "{\"orderId\":\"o-5\",\"customerId\":\"c\",\"items\":[{\"sku\":\"NOPE\",\"quantity\":1}],\"shippingAddress\":{}}",
            "unknown sku NOPE",
            "{\"customerId\":\"c\"}",
            "no orderId");
    invalid.forEach(
        (order, problem) -> {
          ApplicationFailure failure =
              fails(
                  () ->
                      f.tasks()
                          .invoke(
                              "ValidateOrder",
                              jsonUnchecked(order),
                              FixedTaskContext.of("x/y", "ValidateOrder")));
          assertThat(failure.getType()).isEqualTo("OrderInvalid");
          assertThat(failure.getOriginalMessage()).contains(problem);
        });

    ApplicationFailure stock =
        fails(
            () ->
                f.tasks()
                    .invoke(
                        "ReserveInventory",
                        jsonUnchecked(
                            "{\"orderId\":\"o-6\",\"items\":[{\"sku\":\"SKU-RARE\",\"quantity\":2}]}"),
                        FixedTaskContext.of("x/o-6", "ReserveInventory")));
    assertThat(stock.getType()).isEqualTo("InsufficientStock");
    assertThat(stock.getOriginalMessage()).isEqualTo("SKU-RARE: 2 requested, 1 available");

    ApplicationFailure address =
        fails(
            () ->
                f.tasks()
                    .invoke(
                        "ShipOrder",
                        jsonUnchecked(
                            "{\"orderId\":\"o-7\",\"items\":[],\"address\":{\"country\":\"AQ\"}}"),
                        FixedTaskContext.of("x/o-7", "ShipOrder")));
    assertThat(address.getType()).isEqualTo("AddressNotServiceable");
  }

  @Test
  void injectedTransientFailuresFailTheFirstAttemptsThenSucceedOnce() throws Exception {
    Fixture f = fixture(DemoSettings.defaults().withTransientFailures("ChargePayment", 2));
    FixedTaskContext context = FixedTaskContext.of("order-processing/o-8", "ChargePayment");
    JsonNode request =
        json("{\"orderId\":\"o-8\",\"amountCents\":500,\"payment\":{\"token\":\"tok_visa\"}}");

    assertThat(fails(() -> f.tasks().invoke("ChargePayment", request, context)).getType())
        .isEqualTo("PaymentGatewayTimeout");
    assertThat(fails(() -> f.tasks().invoke("ChargePayment", request, context.retried())).getType())
        .isEqualTo("PaymentGatewayTimeout");
    assertThat(
            f.tasks()
                .invoke("ChargePayment", request, context.retried().retried())
                .get("status")
                .asText())
        .isEqualTo("CAPTURED");
    assertThat(f.demo().payments().chargesApplied("o-8")).isEqualTo(1);
    assertThat(f.demo().runtime().attempts("ChargePayment", context.idempotencyKey())).isEqualTo(3);
  }

  private JsonNode jsonUnchecked(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
