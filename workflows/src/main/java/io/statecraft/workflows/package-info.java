/**
 * The public contract of the Statecraft interpreter workflow: everything another module (the api, a
 * team's worker, a test) needs to start, watch, stop and complete executions, and to run the
 * workers that execute them. Types in this package are the contract and change only compatibly;
 * every other package of this module is internal.
 *
 * <h2>Executions</h2>
 *
 * <ul>
 *   <li>One generic workflow, {@link io.statecraft.workflows.ExecutionWorkflow} (type {@value
 *       io.statecraft.workflows.ExecutionWorkflow#WORKFLOW_TYPE}), runs any state machine. Its
 *       input, {@link io.statecraft.workflows.ExecutionRequest}, carries the definition, its
 *       SHA-256 and the execution's identity ({@code $$.Execution.*}).
 *   <li>The workflow id is {@code <stateMachineName>/<executionName>} ({@link
 *       io.statecraft.workflows.WorkflowIds}), readable in the Temporal Web UI; its search
 *       attributes are {@link io.statecraft.workflows.StatecraftSearchAttributes}.
 *   <li>An execution may span several runs (continue-as-new keeps each Temporal history bounded).
 *       Its history, in AWS's event shapes, is read run by run with the {@value
 *       io.statecraft.workflows.ExecutionWorkflow#QUERY_EVENTS} query; {@link
 *       io.statecraft.workflows.StatecraftClient#history} assembles {@code GetExecutionHistory}
 *       pages across runs.
 *   <li>Stopping is a Temporal cancellation whose reason carries AWS's error and cause ({@link
 *       io.statecraft.workflows.StopReason}); a cancellation from the Temporal Web UI or CLI stops
 *       the execution the same way.
 *   <li>{@code SendTaskSuccess}, {@code SendTaskFailure} and {@code SendTaskHeartbeat} are Workflow
 *       Updates with validators ({@link io.statecraft.workflows.TaskCallbacks}), sent to the
 *       workflow the {@link io.statecraft.workflows.TaskToken} names, so a caller learns at once
 *       whether the token was accepted ({@link io.statecraft.workflows.CallbackError}).
 * </ul>
 *
 * <h2>Workers</h2>
 *
 * {@code StatecraftWorkers.register(WorkerFactory, WorkerSettings)} (returning the {@code Worker},
 * on which the platform registers its activities) puts the workflows on a worker with {@link
 * io.statecraft.workflows.WorkerSettings}: the platform's task queue, the routing of tasks to other
 * teams' queues ({@link io.statecraft.workflows.TaskQueueRouting}), the supported resources ({@link
 * io.statecraft.workflows.ResourceCatalog}) and the history limits ({@link
 * io.statecraft.workflows.HistoryLimits}). A {@code states:startExecution} task needs the state
 * machine registry, reached through the {@link io.statecraft.workflows.NestedExecutions} activity
 * that the platform implements.
 *
 * <h2>Clients</h2>
 *
 * {@link io.statecraft.workflows.StatecraftClient} (from {@code StatecraftClients.create(
 * workflowClient, taskQueue)}) is the whole client side in one interface: start, describe, history,
 * stop and the task-token callbacks, with Temporal's failures mapped to {@link
 * io.statecraft.workflows.StatecraftClientException} reasons that name AWS's errors.
 */
package io.statecraft.workflows;
