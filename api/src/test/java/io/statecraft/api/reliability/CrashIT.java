package io.statecraft.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.api.reliability.ChildProcesses.Child;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The platform keeps its promises across processes: a standalone Temporal test server, the jar in
 * the api role and the jar in the worker role, each its own JVM.
 *
 * <ol>
 *   <li><b>Worker crash.</b> 200 order-processing executions run with demo services taking 0–500 ms
 *       per call; the worker gets SIGKILL when about half the orders have shipped, and a new one
 *       takes over. Every execution succeeds with exactly its expected output, and the demo
 *       services' durable ledger shows each stock reservation, payment and shipment applied once
 *       per order, although tasks cut short by the crash were requested again.
 *   <li><b>Graceful shutdown.</b> A worker whose calls take seconds gets SIGTERM while two tasks of
 *       an order run: it finishes them (their effects are applied) and exits within its shutdown
 *       timeout; the order waits in Temporal for a worker.
 *   <li><b>API crash.</b> The api process gets SIGKILL and restarts on the same data directory: the
 *       state machines, the published version, the alias and every accepted execution are still
 *       there, and the waiting order succeeds once a worker is back.
 * </ol>
 *
 * Child logs are under {@code target/crash-it/}; their tails are printed when the test fails.
 */
class CrashIT {

  static final int EXECUTIONS = 200;
  static final String REGION_ACCOUNT = "us-east-1:123456789012";
  static final String ORDERS =
      "arn:aws:states:" + REGION_ACCOUNT + ":stateMachine:order-processing";
  static final Set<String> ORDER_EFFECTS =
      Set.of("inventory.reserve", "payment.charge", "shipping.ship");
  static final Duration WORKER_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Path jar = Path.of("target", "statecraft.jar").toAbsolutePath();
  Path dir;
  Path ledger;
  int temporalPort;

  @Test
  void executionsEffectsAndTheRegistrySurviveCrashesOfWorkersAndTheApi() throws Exception {
    assertThat(jar).as("the platform jar, built in the package phase").exists();
    dir = Path.of("target", "crash-it").toAbsolutePath();
    deleteRecursively(dir);
    Files.createDirectories(dir);
    ledger = dir.resolve("effects.jsonl");
    Map<String, Long> timings = new TreeMap<>();
    long begin = System.nanoTime();
    try (ChildProcesses children = new ChildProcesses(dir)) {
      try {
        run(children, timings);
      } catch (Throwable failure) {
        System.err.println("CrashIT failed; the child processes' logs end with:");
        System.err.println(children.tails(60));
        throw failure;
      }
    }
    timings.put("total", (System.nanoTime() - begin) / 1_000_000);
    System.out.println("CrashIT timings (ms): " + timings);
  }

  void run(ChildProcesses children, Map<String, Long> timings) throws Exception {
    long t0 = System.nanoTime();
    temporalPort = ChildProcesses.freePort();
    Child temporal =
        children.start(
            "temporal",
            List.of(
                "-cp",
                System.getProperty(
                    "surefire.test.class.path", System.getProperty("java.class.path")),
                StandaloneTemporalServer.class.getName(),
                Integer.toString(temporalPort)));
    Child api = startApi(children, "api-1");
    Child workerA = startWorker(children, "worker-a", "0ms", "500ms");
    awaitLog(temporal, "Temporal test server ready", Duration.ofSeconds(60));
    awaitReady(api, Duration.ofSeconds(240));
    awaitReady(workerA, Duration.ofSeconds(240));
    timings.put("start", elapsed(t0));

    // Phase 1: kill -9 the worker in the middle of 200 orders.
    long t1 = System.nanoTime();
    int apiPort = port(api);
    Map<String, JsonNode> expected = new TreeMap<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      String orderId = String.format("order-%03d", i);
      ObjectNode order = order(orderId, 1 + i % 3);
      expected.put(orderId, expectedOutput(orderId, 1 + i % 3));
      JsonNode started =
          aws(
              apiPort,
              "StartExecution",
              json.createObjectNode()
                  .put("stateMachineArn", ORDERS)
                  .put("name", orderId)
                  .put("input", json.writeValueAsString(order)));
      assertThat(started.path("executionArn").asText()).endsWith(":order-processing:" + orderId);
    }
    await(
        "half of the orders shipped",
        () -> appliedCount("shipping.ship") >= EXECUTIONS / 2,
        Duration.ofSeconds(240));
    workerA.kill();
    int shippedAtCrash = appliedCount("shipping.ship");
    Child workerB = startWorker(children, "worker-b", "0ms", "500ms");
    Map<String, String> outcomes =
        awaitAllEnded(apiPort, expected.keySet(), Duration.ofSeconds(240));
    timings.put("crash-phase", elapsed(t1));
    for (Map.Entry<String, JsonNode> order : expected.entrySet()) {
      String described = outcomes.get(order.getKey());
      JsonNode execution = json.readTree(described);
      assertThat(execution.path("status").asText())
          .as("%s: %s", order.getKey(), described)
          .isEqualTo("SUCCEEDED");
      assertThat(json.readTree(execution.path("output").asText()))
          .as(order.getKey())
          .isEqualTo(order.getValue());
    }
    LedgerCheck check = checkLedger(expected.keySet());
    assertThat(shippedAtCrash).isLessThan(EXECUTIONS);
    System.out.printf(
        "CrashIT: %d executions survived the worker's SIGKILL (%d had shipped before it);"
            + " %d effects applied once each, %d requests answered from the ledger%n",
        EXECUTIONS, shippedAtCrash, check.applied(), check.repeated());

    // Phase 2: SIGTERM drains a worker whose calls take seconds.
    long t2 = System.nanoTime();
    workerB.process().destroy();
    assertThat(ChildProcesses.awaitExit(workerB, WORKER_SHUTDOWN_TIMEOUT.plusSeconds(15)))
        .as("an idle worker exits on SIGTERM")
        .isNotNull();
    Child workerC = startWorker(children, "worker-c", "4s", "4s");
    awaitReady(workerC, Duration.ofSeconds(240));
    String alias = ORDERS + ":live";
    JsonNode version =
        aws(
            apiPort,
            "PublishStateMachineVersion",
            json.createObjectNode().put("stateMachineArn", ORDERS).put("description", "crash"));
    String versionArn = version.path("stateMachineVersionArn").asText();
    ObjectNode aliasRequest = json.createObjectNode().put("name", "live");
    aliasRequest
        .putArray("routingConfiguration")
        .addObject()
        .put("stateMachineVersionArn", versionArn)
        .put("weight", 100);
    assertThat(
            aws(apiPort, "CreateStateMachineAlias", aliasRequest)
                .path("stateMachineAliasArn")
                .asText())
        .isEqualTo(alias);
    String survivorDefinition =
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    String survivor =
        aws(
                apiPort,
                "CreateStateMachine",
                json.createObjectNode()
                    .put("name", "crash-survivor")
                    .put("definition", survivorDefinition)
                    .put("roleArn", "arn:aws:iam::123456789012:role/statecraft"))
            .path("stateMachineArn")
            .asText();
    String drained = "order-drained";
    String drainedArn =
        aws(
                apiPort,
                "StartExecution",
                json.createObjectNode()
                    .put("stateMachineArn", alias)
                    .put("name", drained)
                    .put("input", json.writeValueAsString(order(drained, 2))))
            .path("executionArn")
            .asText();
    // Reserve and charge are scheduled once validation is done; give the worker a moment to
    // start both, then stop it while they run.
    await(
        "ReserveInventory and ChargePayment scheduled",
        () -> countEvents(apiPort, drainedArn, "ActivityScheduled") >= 3,
        Duration.ofSeconds(60));
    Thread.sleep(1_000);
    assertThat(appliedKeys("payment.charge", drained)).isEmpty();
    long sigterm = System.nanoTime();
    workerC.process().destroy();
    Integer exit = ChildProcesses.awaitExit(workerC, WORKER_SHUTDOWN_TIMEOUT.plusSeconds(10));
    long drainMillis = elapsed(sigterm);
    assertThat(exit).as("the worker exits within its shutdown timeout").isNotNull();
    // 143 = 128 + SIGTERM: the JVM's exit status after a shutdown triggered by the signal.
    assertThat(exit).isIn(0, 143);
    assertThat(workerC.tail(200))
        .contains("Draining Temporal workers")
        .doesNotContain("Workers still busy");
    assertThat(appliedKeys("inventory.reserve", drained)).hasSize(1);
    assertThat(appliedKeys("payment.charge", drained)).hasSize(1);
    assertThat(appliedKeys("shipping.ship", drained)).isEmpty();
    timings.put("drain-phase", elapsed(t2));
    System.out.printf(
        "CrashIT: a worker drained two running tasks in %d ms after SIGTERM, exit %d%n",
        drainMillis, exit);

    // Phase 3: kill -9 the api and start it again on the same data directory.
    long t3 = System.nanoTime();
    api.kill();
    // The new worker starts beside the new api: the drained order goes on while the api restarts.
    Child api2 = startApi(children, "api-2");
    Child workerD = startWorker(children, "worker-d", "0ms", "0ms");
    awaitReady(api2, Duration.ofSeconds(240));
    int apiPort2 = port(api2);
    JsonNode orders =
        aws(
            apiPort2,
            "DescribeStateMachine",
            json.createObjectNode().put("stateMachineArn", ORDERS));
    assertThat(orders.path("name").asText()).isEqualTo("order-processing");
    assertThat(
            aws(
                    apiPort2,
                    "DescribeStateMachine",
                    json.createObjectNode().put("stateMachineArn", survivor))
                .path("definition")
                .asText())
        .isEqualTo(survivorDefinition);
    assertThat(
            aws(
                    apiPort2,
                    "DescribeStateMachine",
                    json.createObjectNode().put("stateMachineArn", versionArn))
                .path("description")
                .asText())
        .isEqualTo("crash");
    JsonNode described =
        aws(
            apiPort2,
            "DescribeStateMachineAlias",
            json.createObjectNode().put("stateMachineAliasArn", alias));
    assertThat(
            described.path("routingConfiguration").get(0).path("stateMachineVersionArn").asText())
        .isEqualTo(versionArn);
    Set<String> listed = listExecutionNames(apiPort2);
    Set<String> accepted = new LinkedHashSet<>(expected.keySet());
    accepted.add(drained);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(accepted);
    awaitReady(workerD, Duration.ofSeconds(240));
    await(
        "the drained order succeeds",
        () -> !describe(apiPort2, drainedArn).path("status").asText().equals("RUNNING"),
        Duration.ofSeconds(90));
    JsonNode end = describe(apiPort2, drainedArn);
    assertThat(end.path("status").asText()).as(end.toString()).isEqualTo("SUCCEEDED");
    assertThat(json.readTree(end.path("output").asText())).isEqualTo(expectedOutput(drained, 2));
    assertThat(end.path("stateMachineAliasArn").asText()).isEqualTo(alias);
    Set<String> all = new LinkedHashSet<>(expected.keySet());
    all.add(drained);
    LedgerCheck last = checkLedger(all);
    timings.put("api-crash-phase", elapsed(t3));
    System.out.printf(
        "CrashIT: after the api's SIGKILL and restart, %d executions and 3 state machine"
            + " resources (state machine, version, alias) were all there; ledger: %d effects"
            + " applied once, %d repeated requests%n",
        listed.size(), last.applied(), last.repeated());
  }

  // ---------------------------------------------------------------- processes

  Child startApi(ChildProcesses children, String name) {
    int port = ChildProcesses.freePort();
    return children.start(
        name,
        List.of(
            "-jar",
            jar.toString(),
            "--statecraft.role=api",
            "--server.port=" + port,
            "--statecraft.temporal.target=127.0.0.1:" + temporalPort,
            "--statecraft.data-dir=" + dir.resolve("api-data"),
            "--statecraft.executions.reconcile-interval=1s"));
  }

  Child startWorker(ChildProcesses children, String name, String minLatency, String maxLatency) {
    int port = ChildProcesses.freePort();
    return children.start(
        name,
        List.of(
            "-jar",
            jar.toString(),
            "--statecraft.role=worker",
            "--server.port=" + port,
            "--statecraft.temporal.target=127.0.0.1:" + temporalPort,
            "--statecraft.data-dir=" + dir.resolve(name + "-data"),
            "--statecraft.demo.min-latency=" + minLatency,
            "--statecraft.demo.max-latency=" + maxLatency,
            "--statecraft.demo.ledger=" + ledger,
            "--statecraft.worker.shutdown-timeout=" + WORKER_SHUTDOWN_TIMEOUT.toSeconds() + "s",
            // Fewer tasks at once stretch the run, so that about half the orders are in flight
            // when the worker is killed.
            "--statecraft.worker.tuning.max-concurrent-activities=16"));
  }

  static int port(Child child) {
    List<String> command = child.process().info().arguments().map(List::of).orElse(List.of());
    for (String argument : command) {
      if (argument.startsWith("--server.port=")) {
        return Integer.parseInt(argument.substring("--server.port=".length()));
      }
    }
    throw new IllegalStateException("No --server.port in " + command);
  }

  void awaitReady(Child child, Duration timeout) throws InterruptedException {
    int port = port(child);
    await(
        child.name() + " ready",
        () -> {
          if (!child.process().isAlive()) {
            throw new AssertionError(child.name() + " exited: " + child.tail(40));
          }
          try {
            return http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        timeout);
  }

  static void awaitLog(Child child, String text, Duration timeout) throws InterruptedException {
    await(child.name() + " logs '" + text + "'", () -> child.tail(1000).contains(text), timeout);
  }

  static void await(String what, BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  // ---------------------------------------------------------------- the AWS protocol

  JsonNode aws(int port, String action, JsonNode body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                  .header("Content-Type", "application/x-amz-json-1.0")
                  .header("X-Amz-Target", "AWSStepFunctions." + action)
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            action + " answered " + response.statusCode() + ": " + response.body());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(action + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(action + " interrupted", e);
    }
  }

  JsonNode describe(int port, String executionArn) {
    return aws(
        port, "DescribeExecution", json.createObjectNode().put("executionArn", executionArn));
  }

  int countEvents(int port, String executionArn, String type) {
    int count = 0;
    for (JsonNode event :
        aws(
                port,
                "GetExecutionHistory",
                json.createObjectNode().put("executionArn", executionArn).put("maxResults", 1000))
            .path("events")) {
      if (event.path("type").asText().equals(type)) {
        count++;
      }
    }
    return count;
  }

  /** Describes each execution until every one has ended; their last descriptions by name. */
  Map<String, String> awaitAllEnded(int port, Set<String> names, Duration timeout)
      throws Exception {
    Map<String, String> ended = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ended.size() < names.size()) {
      for (String name : names) {
        if (!ended.containsKey(name)) {
          JsonNode execution =
              describe(port, ORDERS.replace(":stateMachine:", ":execution:") + ":" + name);
          if (!execution.path("status").asText().equals("RUNNING")) {
            ended.put(name, json.writeValueAsString(execution));
          }
        }
      }
      if (ended.size() < names.size()) {
        if (System.nanoTime() > deadline) {
          String first =
              names.stream().filter(n -> !ended.containsKey(n)).findFirst().orElseThrow();
          throw new AssertionError(
              (names.size() - ended.size())
                  + " executions still running after "
                  + timeout
                  + "; the Temporal history of "
                  + first
                  + ":\n"
                  + temporalHistory("order-processing/" + first));
        }
        Thread.sleep(500);
      }
    }
    return ended;
  }

  /** The workflow's Temporal history, one event a line, read straight from the Temporal server. */
  String temporalHistory(String workflowId) {
    io.temporal.serviceclient.WorkflowServiceStubs stubs =
        io.temporal.serviceclient.WorkflowServiceStubs.newServiceStubs(
            io.temporal.serviceclient.WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + temporalPort)
                .build());
    try {
      StringBuilder out = new StringBuilder();
      io.temporal.client.WorkflowClient.newInstance(stubs)
          .fetchHistory(workflowId)
          .getEvents()
          .forEach(
              e -> {
                String text = e.toString().replaceAll("\\s+", " ");
                out.append(text, 0, Math.min(text.length(), 400)).append('\n');
              });
      return out.toString();
    } catch (RuntimeException e) {
      return "(history unavailable: " + e + ")";
    } finally {
      stubs.shutdownNow();
    }
  }

  Set<String> listExecutionNames(int port) {
    Set<String> names = new LinkedHashSet<>();
    String token = null;
    do {
      ObjectNode request =
          json.createObjectNode().put("stateMachineArn", ORDERS).put("maxResults", 100);
      if (token != null) {
        request.put("nextToken", token);
      }
      JsonNode page = aws(port, "ListExecutions", request);
      for (JsonNode execution : page.path("executions")) {
        assertThat(names.add(execution.path("name").asText())).as("listed once").isTrue();
      }
      token = page.hasNonNull("nextToken") ? page.path("nextToken").asText() : null;
    } while (token != null);
    return names;
  }

  // ---------------------------------------------------------------- orders and the ledger

  ObjectNode order(String orderId, int books) {
    ObjectNode order =
        json.createObjectNode().put("orderId", orderId).put("customerId", "cust-" + orderId);
    var items = order.putArray("items");
    items.addObject().put("sku", "SKU-BOOK").put("quantity", books);
    items.addObject().put("sku", "SKU-MUG").put("quantity", 1);
    order.putObject("payment").put("method", "card").put("token", "tok_visa");
    order
        .putObject("shippingAddress")
        .put("name", "Ada Lovelace")
        .put("line1", "1 Analytical Way")
        .put("city", "London")
        .put("postalCode", "N1 9GU")
        .put("country", "GB");
    return order;
  }

  /** OrderCompleted's output: prices from the demo catalog, ids derived from the order id. */
  JsonNode expectedOutput(String orderId, int books) {
    ObjectNode output =
        json.createObjectNode()
            .put("orderId", orderId)
            .put("status", "COMPLETED")
            .put("totalCents", 1_299L * books + 899L)
            .put("chargeId", "ch-" + orderId)
            .put("shipmentId", "shp-" + orderId)
            .put("trackingNumber", String.format("TRK%010d", orderId.hashCode() & 0xffffffffL));
    // Read back, so that numbers compare as the parser types them.
    try {
      return json.readTree(json.writeValueAsString(output));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  List<JsonNode> ledgerLines() {
    List<JsonNode> lines = new ArrayList<>();
    try {
      if (!Files.exists(ledger)) {
        return lines;
      }
      for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
        try {
          lines.add(json.readTree(line));
        } catch (IOException e) {
          // The line being written right now.
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return lines;
  }

  int appliedCount(String effect) {
    int count = 0;
    for (JsonNode line : ledgerLines()) {
      if (line.path("applied").asText().equals(effect)) {
        count++;
      }
    }
    return count;
  }

  List<String> appliedKeys(String effect, String orderId) {
    List<String> keys = new ArrayList<>();
    for (JsonNode line : ledgerLines()) {
      if (line.path("applied").asText().equals(effect)
          && line.path("result").path("orderId").asText().equals(orderId)) {
        keys.add(line.path("key").asText());
      }
    }
    return keys;
  }

  record LedgerCheck(int applied, int repeated) {}

  /**
   * Every order's reservation, charge and shipment is applied exactly once, under a key of its own
   * execution, and nothing else was applied (no compensation ran).
   */
  LedgerCheck checkLedger(Set<String> orderIds) {
    Map<String, Map<String, Integer>> appliedPerEffect = new TreeMap<>();
    int applied = 0;
    int repeated = 0;
    for (JsonNode line : ledgerLines()) {
      if (line.has("repeated")) {
        repeated++;
        continue;
      }
      String effect = line.path("applied").asText();
      assertThat(ORDER_EFFECTS).as("effect %s", line).contains(effect);
      String orderId = line.path("result").path("orderId").asText();
      assertThat(line.path("key").asText()).startsWith("order-processing/" + orderId + "/");
      appliedPerEffect
          .computeIfAbsent(effect, e -> new TreeMap<>())
          .merge(orderId, 1, Integer::sum);
      applied++;
    }
    for (String effect : ORDER_EFFECTS) {
      Map<String, Integer> perOrder = appliedPerEffect.getOrDefault(effect, Map.of());
      assertThat(perOrder.keySet()).as(effect).containsExactlyInAnyOrderElementsOf(orderIds);
      assertThat(perOrder)
          .as(effect + " applied once per order")
          .allSatisfy((order, n) -> assertThat(n).isEqualTo(1));
    }
    return new LedgerCheck(applied, repeated);
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
