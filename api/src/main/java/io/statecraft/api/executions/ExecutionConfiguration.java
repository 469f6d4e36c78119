package io.statecraft.api.executions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.api.statemachines.Arns;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.worker.WorkerProperties;
import io.statecraft.workflows.NestedExecutions;
import io.statecraft.workflows.ResourceCatalog;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClients;
import io.statecraft.workflows.WorkerSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Executions on Temporal, for the api role: the {@link ExecutionService} both APIs serve, the
 * background work that starts pending executions and records ended ones, and the worker on the
 * registry task queue that resolves and records the child executions of {@code
 * states:startExecution} Tasks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ConditionalOnRole.Part.API)
@EnableConfigurationProperties(ExecutionProperties.class)
class ExecutionConfiguration {

  @Bean
  StatecraftClient statecraftClient(WorkflowClient client, WorkerSettings settings) {
    return StatecraftClients.create(client, settings.taskQueue());
  }

  @Bean
  TemporalLinks temporalLinks(StatecraftProperties properties, WorkflowClient client) {
    return new TemporalLinks(properties.temporal().uiUrl(), client.getOptions().getNamespace());
  }

  @Bean
  ExecutionReconciler executionReconciler(
      StatecraftClient client,
      ExecutionRecords records,
      StateMachineRegistry registry,
      WorkflowClient workflowClient,
      Clock clock,
      ExecutionProperties properties) {
    return new ExecutionReconciler(
        client,
        records,
        registry,
        new GrpcWorkflowLists(
            workflowClient.getWorkflowServiceStubs(), workflowClient.getOptions().getNamespace()),
        clock,
        properties.listFreshness());
  }

  @Bean
  ExecutionStarter executionStarter(
      StatecraftClient client,
      ExecutionRecords records,
      StateMachineRegistry registry,
      ExecutionReconciler reconciler) {
    return new ExecutionStarter(client, records, registry, reconciler);
  }

  @Bean
  ExecutionMaintenance executionMaintenance(
      ExecutionRecords records,
      ExecutionStarter starter,
      ExecutionReconciler reconciler,
      Clock clock,
      ExecutionProperties properties) {
    return new ExecutionMaintenance(
        records, starter, reconciler, clock, properties.reconcileInterval());
  }

  @Bean
  TestStates testStates(ObjectMapper json, ResourceCatalog resources) {
    return new InterpreterTestStates(json, resources);
  }

  @Bean(destroyMethod = "close")
  ExecutorService executionQueries() {
    return Executors.newVirtualThreadPerTaskExecutor();
  }

  @Bean
  ExecutionService executionService(
      StateMachineRegistry registry,
      ExecutionRecords records,
      Arns arns,
      StatecraftClient client,
      ExecutionStarter starter,
      ExecutionReconciler reconciler,
      TestStates testStates,
      ObjectMapper json,
      Clock clock,
      ExecutionProperties properties,
      ExecutorService executionQueries) {
    return new TemporalExecutionService(
        registry,
        records,
        arns,
        client,
        starter,
        reconciler,
        testStates,
        json,
        clock,
        new TemporalExecutionService.Timings(
            properties.syncTimeout(), properties.stopWait(), properties.queryTimeout()),
        executionQueries);
  }

  @Bean
  NestedExecutions registryNestedExecutions(
      StateMachineRegistry registry,
      ExecutionRecords records,
      ExecutionStarter starter,
      Arns arns,
      ObjectMapper json,
      Clock clock) {
    return new RegistryNestedExecutions(registry, records, starter, arns, json, clock);
  }

  /** Polls the registry task queue, where child executions are resolved and recorded. */
  @Bean
  Worker registryWorker(
      WorkerFactory factory, WorkerProperties properties, NestedExecutions nestedExecutions) {
    Worker worker = factory.newWorker(properties.registryTaskQueue());
    worker.registerActivitiesImplementations(nestedExecutions);
    return worker;
  }
}
