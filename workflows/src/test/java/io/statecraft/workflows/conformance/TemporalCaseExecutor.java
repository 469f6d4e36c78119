package io.statecraft.workflows.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Asl;
import io.statecraft.asl.conformance.ActualRun;
import io.statecraft.asl.conformance.CaseExecutor;
import io.statecraft.asl.conformance.ConformanceCase;
import io.statecraft.asl.conformance.TaskScript;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.validate.InvalidDefinitionException;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ResourceCatalog;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClients;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.statecraft.workflows.StatecraftWorkers;
import io.statecraft.workflows.WorkerSettings;
import io.statecraft.workflows.ports.Json;
import io.temporal.activity.Activity;
import io.temporal.activity.DynamicActivity;
import io.temporal.common.converter.EncodedValues;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs conformance cases through the interpreter workflow on Temporal's test environment with time
 * skipping, starting from the in-memory executor's clock (2024-01-01). Task resources play the
 * case's {@link TaskScript}s: every scripted resource is an integration whose activity answers from
 * the script of the case the workflow belongs to. A {@code .waitForTaskToken} task completes its
 * own token with its answer (SendTaskSuccess or SendTaskFailure), which is what the in-memory
 * engine does when a handler returns.
 */
final class TemporalCaseExecutor implements CaseExecutor, AutoCloseable {

  static final String STATE_MACHINE_NAME = "ConformanceStateMachine";
  private static final String QUEUE = "conformance";
  private static final String ACTIVITY_PREFIX = "conformance:";

  private final TestWorkflowEnvironment environment;
  private final StatecraftClient client;
  private final Map<String, Map<String, TaskScript>> scripts = new ConcurrentHashMap<>();
  private final AtomicInteger executions = new AtomicInteger();

  /**
   * @param resources every Task resource the cases script, with or without suffix
   */
  TemporalCaseExecutor(List<String> resources) {
    environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(StatecraftWorkers.factoryOptions().build())
                .setInitialTime(Instant.parse("2024-01-01T00:00:00Z"))
                .build());
    StatecraftSearchAttributes.all().forEach(environment::registerSearchAttribute);
    ResourceCatalog catalog = ResourceCatalog.standard();
    for (String resource : resources) {
      String base = base(resource);
      catalog = catalog.withIntegration(base, ACTIVITY_PREFIX + base);
    }
    WorkerSettings settings = WorkerSettings.on(QUEUE).withResources(catalog);
    Worker worker = StatecraftWorkers.register(environment.getWorkerFactory(), settings);
    worker.registerActivitiesImplementations(new ScriptedTasks());
    client = StatecraftClients.create(environment.getWorkflowClient(), QUEUE);
    environment.start();
  }

  private static String base(String resource) {
    return resource.endsWith(".waitForTaskToken")
        ? resource.substring(0, resource.length() - ".waitForTaskToken".length())
        : resource;
  }

  @Override
  public ActualRun execute(ConformanceCase c) {
    String definition = c.definition().toString();
    try {
      Asl.read(definition);
    } catch (InvalidDefinitionException e) {
      return ActualRun.notRun("the definition was rejected: " + e.getMessage());
    }
    String executionName = "conformance-execution-" + executions.incrementAndGet();
    String workflowId = STATE_MACHINE_NAME + "/" + executionName;
    Map<String, TaskScript> byBase = new ConcurrentHashMap<>();
    TaskScript.of(c).forEach((resource, script) -> byBase.put(base(resource), script));
    scripts.put(workflowId, byBase);
    String prefix = "arn:aws:states:us-east-1:123456789012:";
    ExecutionRequest request =
        ExecutionRequest.start(
            prefix + "stateMachine:" + STATE_MACHINE_NAME,
            STATE_MACHINE_NAME,
            prefix + "execution:" + STATE_MACHINE_NAME + ":" + executionName,
            executionName,
            "arn:aws:iam::123456789012:role/StatecraftExecutionRole",
            Instant.ofEpochMilli(environment.currentTimeMillis()),
            c.input().toString(),
            definition);
    try {
      client.start(request);
      StatecraftClient.ExecutionDescription d =
          client.awaitClose(request.workflowId(), Duration.ofMinutes(2));
      List<JsonNode> history = new ArrayList<>();
      for (HistoryEvent e : history(request.workflowId())) {
        history.add(e.toAwsJson());
      }
      return new ActualRun(
          d.status().name(),
          d.output() == null ? null : Json.parse(d.output()),
          d.error(),
          d.cause(),
          history);
    } finally {
      scripts.remove(workflowId);
    }
  }

  private List<HistoryEvent> history(String workflowId) {
    List<HistoryEvent> events = new ArrayList<>();
    String token = null;
    do {
      StatecraftClient.HistoryPage page = client.history(workflowId, token, 1000, false);
      events.addAll(page.events());
      token = page.nextToken();
    } while (token != null);
    return events;
  }

  @Override
  public void close() {
    environment.close();
  }

  /** Answers every scripted resource from the script of the execution it runs for. */
  private final class ScriptedTasks implements DynamicActivity {
    @Override
    public Object execute(EncodedValues args) {
      var info = Activity.getExecutionContext().getInfo();
      String resource = info.getActivityType().substring(ACTIVITY_PREFIX.length());
      JsonNode input = args.get(0, JsonNode.class);
      Map<String, TaskScript> byBase = scripts.get(info.getWorkflowId());
      TaskScript script = byBase == null ? null : byBase.get(resource);
      if (script == null) {
        throw ApplicationFailure.newNonRetryableFailure(
            "No script for '" + resource + "' in " + info.getWorkflowId(), "States.Runtime");
      }
      TaskScript.Answer answer = script.next();
      if (answer.sleepSeconds() > 0) {
        try {
          Thread.sleep(Duration.ofSeconds(answer.sleepSeconds()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String token = findToken(input);
      if (token != null) {
        if (answer.fails()) {
          client.sendTaskFailure(token, answer.error(), answer.cause());
        } else {
          client.sendTaskSuccess(
              token, (answer.output() == null ? input : answer.output()).toString());
        }
        return input;
      }
      if (answer.fails()) {
        throw ApplicationFailure.newNonRetryableFailure(answer.cause(), answer.error());
      }
      return answer.output() == null ? input : answer.output();
    }
  }

  /** A task token in the task's input, if the Parameters passed one. */
  private static String findToken(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual() && node.textValue().startsWith("sc1.")) {
      return node.textValue();
    }
    for (JsonNode child : node) {
      String found = findToken(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
