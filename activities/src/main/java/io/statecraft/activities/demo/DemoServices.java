package io.statecraft.activities.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.activities.demo.devops.DeploymentService;
import io.statecraft.activities.demo.devops.DevOpsDemoApi;
import io.statecraft.activities.demo.etl.EtlTasks;
import io.statecraft.activities.demo.etl.RecordStore;
import io.statecraft.activities.demo.fraud.DecisionLog;
import io.statecraft.activities.demo.fraud.FraudRules;
import io.statecraft.activities.demo.fraud.FraudTasks;
import io.statecraft.activities.demo.fraud.ReviewInbox;
import io.statecraft.activities.demo.order.InventoryService;
import io.statecraft.activities.demo.order.OrderTasks;
import io.statecraft.activities.demo.order.PaymentService;
import io.statecraft.activities.demo.order.ShippingService;
import io.statecraft.activities.sdk.TaskDispatcher;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The in-memory services behind the four showcase state machines in {@code examples/}, and the task
 * objects that expose them:
 *
 * <ul>
 *   <li>order processing: {@link OrderTasks} over {@link InventoryService}, {@link PaymentService}
 *       and {@link ShippingService};
 *   <li>ETL: {@link EtlTasks} over {@link RecordStore};
 *   <li>fraud detection: {@link FraudTasks} over {@link FraudRules}, {@link DecisionLog} and {@link
 *       ReviewInbox};
 *   <li>DevOps automation: no tasks of its own (it uses the built-in HTTP Task); {@link
 *       #devOpsApi()} is the fake deploy/health API the platform serves for it.
 * </ul>
 *
 * All effects are applied once per idempotency key through one {@link EffectLedger}, in memory
 * unless a durable one is given. The services' own state (stock levels, charges, shipments) is in
 * memory either way: the ledger is the record of which effects were applied and with what result.
 *
 * <pre>{@code
 * DemoServices demo = DemoServices.create(DemoSettings.defaults());
 * TaskDispatcher dispatcher = TaskDispatcher.builder().register(demo.taskObjects().toArray()).build();
 * }</pre>
 */
public final class DemoServices {

  /** Status checks a demo deployment stays IN_PROGRESS for. */
  public static final int DEPLOYMENT_CHECKS_TO_COMPLETE = 2;

  private final EffectLedger ledger;
  private final DemoRuntime runtime;
  private final InventoryService inventory;
  private final PaymentService payments;
  private final ShippingService shipping;
  private final RecordStore records;
  private final FraudRules fraudRules;
  private final DecisionLog decisions;
  private final ReviewInbox reviews;
  private final DeploymentService deployments;
  private final DevOpsDemoApi devOpsApi;
  private final List<Object> taskObjects;

  private DemoServices(
      DemoSettings settings, Clock clock, ObjectMapper mapper, EffectLedger ledger) {
    this.ledger = ledger;
    this.runtime = new DemoRuntime(settings);
    this.inventory = new InventoryService(ledger, InventoryService.demoCatalog());
    this.payments = new PaymentService(ledger);
    this.shipping = new ShippingService(ledger);
    this.records = new RecordStore(ledger, mapper);
    this.fraudRules = FraudRules.demo();
    this.decisions = new DecisionLog(ledger);
    this.reviews = new ReviewInbox(ledger, clock);
    this.deployments = new DeploymentService(ledger, DEPLOYMENT_CHECKS_TO_COMPLETE);
    this.devOpsApi = new DevOpsDemoApi(deployments, mapper);
    this.taskObjects =
        List.of(
            new OrderTasks(inventory, payments, shipping, runtime),
            new EtlTasks(records, runtime),
            new FraudTasks(fraudRules, decisions, reviews, runtime));
  }

  /** Demo services with the given behaviour, the system clock and the SDK's default mapper. */
  public static DemoServices create(DemoSettings settings) {
    return create(settings, Clock.systemUTC(), TaskDispatcher.defaultObjectMapper());
  }

  /** Demo services with the given behaviour, clock (for review timestamps) and mapper. */
  public static DemoServices create(DemoSettings settings, Clock clock, ObjectMapper mapper) {
    return create(settings, clock, mapper, EffectLedger.inMemory());
  }

  /**
   * Demo services with the given behaviour whose effects are recorded in {@code ledger}, for
   * example a durable one ({@link EffectLedger#open}) shared by the worker processes that follow
   * each other.
   */
  public static DemoServices create(DemoSettings settings, EffectLedger ledger) {
    return create(settings, Clock.systemUTC(), TaskDispatcher.defaultObjectMapper(), ledger);
  }

  /** Demo services with the given behaviour, clock, mapper and ledger. */
  public static DemoServices create(
      DemoSettings settings, Clock clock, ObjectMapper mapper, EffectLedger ledger) {
    return new DemoServices(
        Objects.requireNonNull(settings, "settings"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(mapper, "mapper"),
        Objects.requireNonNull(ledger, "ledger"));
  }

  /** The objects whose {@code @AslTask} methods are the demo tasks; register them together. */
  public List<Object> taskObjects() {
    return taskObjects;
  }

  public EffectLedger ledger() {
    return ledger;
  }

  public DemoRuntime runtime() {
    return runtime;
  }

  public InventoryService inventory() {
    return inventory;
  }

  public PaymentService payments() {
    return payments;
  }

  public ShippingService shipping() {
    return shipping;
  }

  public RecordStore records() {
    return records;
  }

  public FraudRules fraudRules() {
    return fraudRules;
  }

  public DecisionLog decisions() {
    return decisions;
  }

  public ReviewInbox reviews() {
    return reviews;
  }

  public DeploymentService deployments() {
    return deployments;
  }

  public DevOpsDemoApi devOpsApi() {
    return devOpsApi;
  }
}
