package io.statecraft.workflows.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.uber.m3.tally.Scope;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.asl.Asl;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.asl.validate.ValidationResult;
import io.statecraft.workflows.ExecutionProgress;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClients;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.statecraft.workflows.StatecraftWorkers;
import io.statecraft.workflows.WorkerSettings;
import io.statecraft.workflows.ports.Json;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs whole state machines against your own tasks in a JUnit test: in-process, on Temporal's test
 * environment with time skipping (a Wait of a day takes no time), through the same interpreter
 * workflow the platform runs.
 *
 * <pre>{@code
 * try (StatecraftTestKit kit = StatecraftTestKit.builder().tasks(new LoyaltyTasks()).build()) {
 *   StatecraftTestKit.Result result = kit.run("Loyalty", definition, "{\"customerId\":\"c-1\"}");
 *   assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
 *   assertThat(result.output().path("points").asInt()).isEqualTo(120);
 *   assertThat(result.history()).extracting(HistoryEvent::type).contains(TaskStateEntered);
 * }
 * }</pre>
 *
 * Every task of the definition must be registered ({@link Builder#tasks}, {@link
 * Builder#dispatcher}), on the kit's own task queue or, to test routing, on a worker of its own
 * ({@link Builder#worker}). The definition is validated first, as the platform validates it. The
 * executions get identities in region {@value #REGION} and account {@value #ACCOUNT}.
 */
public final class StatecraftTestKit implements AutoCloseable {

  /** The region of the executions' ARNs. */
  public static final String REGION = "us-east-1";

  /** The account of the executions' ARNs. */
  public static final String ACCOUNT = "123456789012";

  /** The kit's task queue unless the settings name another. */
  public static final String TASK_QUEUE = "statecraft-test";

  private final TestWorkflowEnvironment environment;
  private final WorkerSettings settings;
  private final StatecraftClient client;
  private final InMemoryNestedExecutions nested;
  private final AtomicInteger executions = new AtomicInteger();

  private StatecraftTestKit(Builder builder) {
    TestEnvironmentOptions.Builder options =
        TestEnvironmentOptions.newBuilder()
            .setWorkerFactoryOptions(StatecraftWorkers.factoryOptions().build());
    if (builder.metricsScope != null) {
      options.setMetricsScope(builder.metricsScope);
    }
    this.environment = TestWorkflowEnvironment.newInstance(options.build());
    StatecraftSearchAttributes.all().forEach(environment::registerSearchAttribute);
    this.settings = builder.settings;
    this.nested =
        new InMemoryNestedExecutions(() -> Instant.ofEpochMilli(environment.currentTimeMillis()));
    builder.stateMachines.forEach(nested::stateMachine);
    Worker worker = StatecraftWorkers.register(environment.getWorkerFactory(), settings);
    List<Object> activities = new ArrayList<>();
    activities.add(builder.dispatcher.build());
    activities.add(nested);
    activities.addAll(builder.activities);
    worker.registerActivitiesImplementations(activities.toArray());
    builder.workers.forEach(
        (queue, dispatcher) ->
            environment.newWorker(queue).registerActivitiesImplementations(dispatcher));
    this.client = StatecraftClients.create(environment.getWorkflowClient(), settings.taskQueue());
    environment.start();
  }

  /** A builder with the kit's own task queue and the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The client of the kit's executions (callbacks, stops, histories). */
  public StatecraftClient client() {
    return client;
  }

  /** The Temporal test environment. */
  public TestWorkflowEnvironment environment() {
    return environment;
  }

  /** The state machines {@code states:startExecution} can start. */
  public InMemoryNestedExecutions nestedExecutions() {
    return nested;
  }

  /** The ARN of a state machine of the kit. */
  public static String stateMachineArn(String stateMachineName) {
    return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + stateMachineName;
  }

  /**
   * Starts an execution with a generated name.
   *
   * @throws IllegalArgumentException listing the problems when the definition is not valid
   */
  public Execution start(String stateMachineName, String definition, String input) {
    return start(stateMachineName, "execution-" + executions.incrementAndGet(), definition, input);
  }

  /**
   * Starts an execution.
   *
   * @throws IllegalArgumentException listing the problems when the definition is not valid
   */
  public Execution start(
      String stateMachineName, String executionName, String definition, String input) {
    ValidationResult validation =
        Asl.validate(
            definition, ValidationOptions.DEFAULTS.withResourceCheck(settings.resources()));
    if (!validation.ok()) {
      throw new IllegalArgumentException(
          "The definition is not valid: "
              + validation.diagnostics().stream()
                  .map(d -> d.code() + " at " + d.location() + ": " + d.message())
                  .collect(Collectors.joining("; ")));
    }
    String prefix = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":";
    ExecutionRequest request =
        ExecutionRequest.start(
            prefix + "stateMachine:" + stateMachineName,
            stateMachineName,
            prefix + "execution:" + stateMachineName + ":" + executionName,
            executionName,
            "arn:aws:iam::" + ACCOUNT + ":role/StatecraftExecutionRole",
            Instant.ofEpochMilli(environment.currentTimeMillis()),
            input,
            definition);
    client.start(request);
    return new Execution(request);
  }

  /** Runs an execution to its end (with time skipping) and returns how it ended. */
  public Result run(String stateMachineName, String definition, String input) {
    return start(stateMachineName, definition, input).await();
  }

  @Override
  public void close() {
    environment.close();
  }

  /** A started execution. */
  public final class Execution {
    private final ExecutionRequest request;

    private Execution(ExecutionRequest request) {
      this.request = request;
    }

    public ExecutionRequest request() {
      return request;
    }

    public String workflowId() {
      return request.workflowId();
    }

    /** The states it is in now, and its event range. */
    public ExecutionProgress progress() {
      return client.progress(workflowId());
    }

    /** Every history event so far, across runs, oldest first. */
    public List<HistoryEvent> history() {
      List<HistoryEvent> events = new ArrayList<>();
      String token = null;
      do {
        StatecraftClient.HistoryPage page = client.history(workflowId(), token, 1000, false);
        events.addAll(page.events());
        token = page.nextToken();
      } while (token != null);
      return events;
    }

    /** Waits (skipping time) until it ends, at most an hour of real time. */
    public Result await() {
      return await(Duration.ofHours(1));
    }

    /** Waits (skipping time) until it ends. */
    public Result await(Duration timeout) {
      StatecraftClient.ExecutionDescription d = client.awaitClose(workflowId(), timeout);
      return new Result(
          d.status(),
          d.output() == null ? null : Json.parse(d.output()),
          d.error(),
          d.cause(),
          history());
    }
  }

  /**
   * How an execution ended.
   *
   * @param status its status
   * @param output its output when it succeeded, else {@code null}
   * @param error its error, or {@code null}
   * @param cause its cause, or {@code null}
   * @param history its history events, oldest first
   */
  public record Result(
      ExecutionStatus status,
      JsonNode output,
      String error,
      String cause,
      List<HistoryEvent> history) {

    /** The history as {@code GetExecutionHistory} returns it. */
    public List<ObjectNode> awsHistory() {
      return history.stream().map(HistoryEvent::toAwsJson).toList();
    }
  }

  /** Settings of a {@link StatecraftTestKit}. */
  public static final class Builder {
    private WorkerSettings settings = WorkerSettings.on(TASK_QUEUE);
    private final TaskDispatcher.Builder dispatcher = TaskDispatcher.builder();
    private final List<Object> activities = new ArrayList<>();
    private final Map<String, TaskDispatcher> workers = new LinkedHashMap<>();
    private final Map<String, String> stateMachines = new LinkedHashMap<>();
    private Scope metricsScope;

    private Builder() {}

    /** Registers objects with {@code @AslTask} methods on the kit's own task queue. */
    public Builder tasks(Object... taskObjects) {
      dispatcher.register(taskObjects);
      return this;
    }

    /** Registers typed activity implementations (other than ASL tasks) on the kit's queue. */
    public Builder activities(Object... implementations) {
      activities.addAll(List.of(implementations));
      return this;
    }

    /**
     * Runs {@code dispatcher} on a worker of its own, polling {@code taskQueue}; route tasks to it
     * with {@link #settings}.
     */
    public Builder worker(String taskQueue, TaskDispatcher dispatcher) {
      workers.put(Objects.requireNonNull(taskQueue), Objects.requireNonNull(dispatcher));
      return this;
    }

    /** Worker settings (task queue, routing, resources, limits). */
    public Builder settings(WorkerSettings newSettings) {
      this.settings = Objects.requireNonNull(newSettings, "settings");
      return this;
    }

    /** A state machine {@code states:startExecution} can start, by name. */
    public Builder stateMachine(String name, String definition) {
      stateMachines.put(name, definition);
      return this;
    }

    /** Where the workers report metrics. */
    public Builder metricsScope(Scope scope) {
      this.metricsScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    public StatecraftTestKit build() {
      return new StatecraftTestKit(this);
    }
  }
}
