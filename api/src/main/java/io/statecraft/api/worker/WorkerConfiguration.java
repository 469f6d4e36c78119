package io.statecraft.api.worker;

import io.statecraft.activities.TaskContextInterceptor;
import io.statecraft.activities.builtin.HttpConnection;
import io.statecraft.activities.builtin.HttpInvokeActivity;
import io.statecraft.activities.builtin.HttpTaskSettings;
import io.statecraft.activities.builtin.Secret;
import io.statecraft.activities.demo.DemoServices;
import io.statecraft.activities.demo.DemoSettings;
import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.workflows.HistoryLimits;
import io.statecraft.workflows.NestedExecutions;
import io.statecraft.workflows.ResourceCatalog;
import io.statecraft.workflows.StatecraftWorkers;
import io.statecraft.workflows.TaskQueueRouting;
import io.statecraft.workflows.WorkerSettings;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interpreter's Temporal workers. The Temporal Spring Boot starter owns the {@link
 * WorkerFactory} (its client, metrics scope, interceptors and start at application ready); this
 * puts the Statecraft workflows on it through the workflows module's registration entry point and
 * registers, by hand, the one {@link TaskDispatcher} that runs the built-in HTTP Task and the demo
 * tasks (the starter's auto-discovery cannot register a dynamic activity). {@link WorkerLifecycle}
 * starts the factory (retrying while Temporal is unreachable) and drains it on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  WorkerProperties.class,
  HttpTaskProperties.class,
  DemoProperties.class
})
public class WorkerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

  /** The connection the DevOps example's HTTP Tasks name; the platform provides it. */
  public static final String DEMO_CONNECTION_ARN =
      "arn:aws:events:us-east-1:123456789012:connection/statecraft-demo/devops";

  /**
   * How executions run: the task queue, the routing of activity types (a {@code
   * states:startExecution} Task's registry activity goes to the api role's queue unless a rule says
   * otherwise), the supported resources and the history limits. The api role starts workflows on
   * the same queue and validates definitions against the same resources.
   */
  @Bean
  WorkerSettings workerSettings(WorkerProperties properties) {
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put(NestedExecutions.ACTIVITY_TYPE, properties.registryTaskQueue());
    for (int i = 0; i < properties.routes().size(); i++) {
      WorkerProperties.Route route = properties.routes().get(i);
      if (route.activity() == null || route.taskQueue() == null) {
        throw new IllegalStateException(
            "statecraft.worker.routes[" + i + "] needs both activity and task-queue");
      }
      rules.put(route.activity(), route.taskQueue());
    }
    ResourceCatalog resources = ResourceCatalog.standard();
    for (int i = 0; i < properties.integrations().size(); i++) {
      WorkerProperties.Integration integration = properties.integrations().get(i);
      try {
        resources = resources.withIntegration(integration.resource(), integration.activityType());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalStateException(
            "statecraft.worker.integrations[" + i + "]: " + e.getMessage(), e);
      }
    }
    WorkerProperties.History h = properties.history();
    try {
      return new WorkerSettings(
          properties.taskQueue(),
          new TaskQueueRouting(properties.taskQueue(), rules),
          resources,
          new HistoryLimits(
              h.continueAfterHistoryEvents(),
              h.continueAfterExecutionEvents(),
              h.inlineItemsInWorkflow(),
              h.itemsPerBatch(),
              h.maxBatchesPerMap(),
              h.maxRunningBatches(),
              h.maxBranchEventsInHistory()));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("statecraft.worker: " + e.getMessage(), e);
    }
  }

  /** The Task resources definitions may use; the validator refuses any other. */
  @Bean
  ResourceCatalog resourceCatalog(WorkerSettings settings) {
    return settings.resources();
  }

  /** Gives every task its ASL identity and idempotency key; the starter adds it to the factory. */
  @Bean
  TaskContextInterceptor taskContextInterceptor() {
    return new TaskContextInterceptor();
  }

  @Bean
  WorkerTuningPlugin workerTuningPlugin(WorkerProperties properties) {
    return new WorkerTuningPlugin(properties.tuning());
  }

  @Bean
  WorkerLifecycle workerLifecycle(WorkerFactory factory, WorkerProperties properties) {
    return new WorkerLifecycle(factory, properties.shutdownTimeout());
  }

  /**
   * The record of the demo services' effects: journaled in {@code statecraft.demo.ledger} when set
   * and this process runs the worker (an api-only process applies no effects and must not write a
   * worker's journal), in memory otherwise.
   */
  @Bean
  @ConditionalOnProperty(name = "statecraft.demo.enabled", matchIfMissing = true)
  EffectLedger demoEffectLedger(DemoProperties properties, StatecraftProperties statecraft) {
    if (properties.ledger() == null || !statecraft.role().runsWorker()) {
      return EffectLedger.inMemory();
    }
    EffectLedger ledger =
        EffectLedger.open(properties.ledger(), TaskDispatcher.defaultObjectMapper());
    log.info("Demo services record their effects in {}", properties.ledger().toAbsolutePath());
    return ledger;
  }

  /** The services behind the example state machines. */
  @Bean
  @ConditionalOnProperty(name = "statecraft.demo.enabled", matchIfMissing = true)
  DemoServices demoServices(DemoProperties properties, EffectLedger ledger) {
    return DemoServices.create(
        DemoSettings.defaults().withLatency(properties.minLatency(), properties.maxLatency()),
        ledger);
  }

  /**
   * The HTTP Task's settings. The DevOps example's connection is provided unless configured: no
   * authentication, or the first API key while authentication is on (the demo API is the platform's
   * own).
   */
  @Bean
  @ConditionalOnRole(ConditionalOnRole.Part.WORKER)
  HttpTaskSettings httpTaskSettings(
      HttpTaskProperties properties, DemoProperties demo, StatecraftProperties statecraft) {
    Map<String, HttpConnection> extra = new LinkedHashMap<>();
    if (demo.enabled()) {
      StatecraftProperties.Security security = statecraft.security();
      extra.put(
          DEMO_CONNECTION_ARN,
          security.enabled() && !security.apiKeys().isEmpty()
              ? HttpConnection.apiKey("X-Api-Key", Secret.of(security.apiKeys().getFirst()))
              : HttpConnection.none());
    }
    return HttpTaskSettingsFactory.build(properties, extra);
  }

  /** The one dynamic activity of the platform's worker: the HTTP Task and the demo tasks. */
  @Bean
  @ConditionalOnRole(ConditionalOnRole.Part.WORKER)
  TaskDispatcher taskDispatcher(HttpTaskSettings http, ObjectProvider<DemoServices> demo) {
    List<Object> tasks = new ArrayList<>();
    tasks.add(new HttpInvokeActivity(http));
    DemoServices services = demo.getIfAvailable();
    if (services != null) {
      tasks.addAll(services.taskObjects());
    }
    return TaskDispatcher.builder().register(tasks.toArray()).build();
  }

  /** The platform's worker: the interpreter workflows and the task dispatcher. */
  @Bean
  @ConditionalOnRole(ConditionalOnRole.Part.WORKER)
  Worker statecraftWorker(
      WorkerFactory factory, WorkerSettings settings, TaskDispatcher dispatcher) {
    Worker worker = StatecraftWorkers.register(factory, settings);
    worker.registerActivitiesImplementations(dispatcher);
    log.info(
        "Temporal worker on task queue {} runs the interpreter and the tasks {}",
        settings.taskQueue(),
        dispatcher.taskNames());
    return worker;
  }
}
