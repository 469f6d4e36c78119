package io.statecraft.workflows.ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.interpret.TaskInvocation;
import io.statecraft.asl.interpret.TaskResult;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionResult;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.ExecutionWorkflow;
import io.statecraft.workflows.NestedExecutionRequest;
import io.statecraft.workflows.NestedExecutions;
import io.statecraft.workflows.ResourceCatalog.IntegrationPattern;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.statecraft.workflows.failure.FailureMapper;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code arn:aws:states:::states:startExecution} ({@code .sync}, {@code .sync:2}, {@code
 * .waitForTaskToken}): a child execution of another state machine.
 *
 * <p>The {@link NestedExecutions} activity resolves the state machine and records the execution;
 * the task then starts {@link ExecutionWorkflow} as a child workflow with that request. Without a
 * suffix the state's result is {@code {"ExecutionArn", "StartDate"}} and the child goes on alone
 * (it is started outside the state's cancellation and abandoned when the parent closes). With
 * {@code .sync} the state waits and its result is the child's {@code DescribeExecution} output,
 * with {@code Input} and {@code Output} as JSON text ({@code .sync:2}: as JSON); a child that did
 * not succeed fails the state with {@code States.TaskFailed} and that output, as compact JSON, as
 * the cause. Stopping the parent stops a {@code .sync} child. Dates are epoch milliseconds, as
 * AWS's integrations render timestamps.
 */
final class NestedExecutionTask {

  private final RunContext ctx;
  private final TemporalTasks tasks;
  private final TaskInvocation invocation;
  private final IntegrationPattern pattern;

  NestedExecutionTask(
      RunContext ctx, TemporalTasks tasks, TaskInvocation invocation, IntegrationPattern pattern) {
    this.ctx = ctx;
    this.tasks = tasks;
    this.invocation = invocation;
    this.pattern = pattern;
  }

  TaskResult run() {
    JsonNode parameters = invocation.parameters();
    JsonNode arn = parameters.get("StateMachineArn");
    if (arn == null || !arn.isTextual()) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The parameters of arn:aws:states:::states:startExecution need a string"
              + " StateMachineArn.");
    }
    JsonNode inputNode = parameters.get("Input");
    // "If you don't include any JSON input data, you still must include the two braces."
    String input =
        inputNode == null || inputNode.isNull()
            ? "{}"
            : inputNode.isTextual() ? inputNode.textValue() : Json.compact(inputNode);
    JsonNode nameNode = parameters.get("Name");
    String name =
        nameNode != null && nameNode.isTextual()
            ? nameNode.textValue()
            : ctx.time().randomUuid().toString();
    ExecutionRequest child = prepare(arn.textValue(), name, input);

    if (pattern == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      return tasks.awaitCallback(invocation, () -> started(startDetached(child)));
    }
    if (pattern == IntegrationPattern.REQUEST_RESPONSE) {
      tasks.awaitDone(started(startDetached(child)));
      ObjectNode out = Json.NODES.objectNode();
      out.put("ExecutionArn", child.executionArn());
      out.put("StartDate", millis(child.startTime()));
      return TaskResult.of(out);
    }
    return awaitChild(child);
  }

  private ExecutionRequest prepare(String stateMachineArn, String name, String input) {
    NestedExecutions activity =
        Workflow.newActivityStub(
            NestedExecutions.class,
            ActivityOptions.newBuilder()
                .setTaskQueue(tasks.queue(NestedExecutions.ACTIVITY_TYPE))
                .setSummary(invocation.stateName())
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setScheduleToCloseTimeout(tasks.capped(TemporalTasks.timeout(invocation)))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setDoNotRetry(
                            "StepFunctions.StateMachineDoesNotExistException",
                            "StepFunctions.StateMachineDeletingException",
                            "StepFunctions.InvalidArnException",
                            "StepFunctions.ExecutionAlreadyExistsException",
                            "StepFunctions.InvalidExecutionInputException",
                            "StepFunctions.InvalidNameException",
                            "StepFunctions.ExecutionLimitExceededException")
                        .build())
                .build());
    try {
      return activity.prepare(
          new NestedExecutionRequest(
              stateMachineArn, name, input, ctx.executionArn(), ctx.workflowId()));
    } catch (RuntimeException e) {
      throw tasks.translate(e);
    }
  }

  private ChildWorkflowOptions.Builder options(ExecutionRequest child) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(child.workflowId())
        .setTaskQueue(ctx.settings().taskQueue())
        .setStaticSummary(child.stateMachineName() + " from " + invocation.stateName())
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(StatecraftSearchAttributes.STATE_MACHINE_NAME, child.stateMachineName())
                .set(StatecraftSearchAttributes.EXECUTION_NAME, child.executionName())
                .build());
  }

  /** Starts a child that lives on its own: not stopped with the state, nor with the parent. */
  private Promise<?>[] startDetached(ExecutionRequest child) {
    Promise<?>[] promises = new Promise<?>[2];
    CancellationScope detached =
        Workflow.newDetachedCancellationScope(
            () -> {
              ExecutionWorkflow stub =
                  Workflow.newChildWorkflowStub(
                      ExecutionWorkflow.class,
                      options(child)
                          .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                          .build());
              promises[0] = Async.function(stub::run, child);
              promises[1] = Workflow.getWorkflowExecution(stub);
            });
    detached.run();
    return promises;
  }

  /** Completes when the child has started, failing if it could not start. */
  private static Promise<?> started(Promise<?>[] promises) {
    return promises[1];
  }

  private TaskResult awaitChild(ExecutionRequest child) {
    ExecutionWorkflow stub =
        Workflow.newChildWorkflowStub(
            ExecutionWorkflow.class,
            options(child)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                .setCancellationType(ChildWorkflowCancellationType.TRY_CANCEL)
                .build());
    Promise<ExecutionResult> result = Async.function(stub::run, child);
    tasks.awaitDone(Workflow.getWorkflowExecution(stub));
    Instant timeoutAt = tasks.now().plus(TemporalTasks.timeout(invocation));
    if (ctx.deadline() != null && ctx.deadline().isBefore(timeoutAt)) {
      timeoutAt = ctx.deadline();
    }
    boolean done;
    try {
      done = Workflow.await(Duration.between(tasks.now(), timeoutAt), result::isCompleted);
    } catch (RuntimeException e) {
      throw tasks.translate(e);
    }
    if (!done) {
      throw new AslFailure(StatesError.TIMEOUT, FailureMapper.TIMEOUT_CAUSE);
    }
    RuntimeException failure = result.getFailure();
    if (failure == null) {
      return TaskResult.of(describe(child, result.get()));
    }
    ExecutionResult ended;
    if (FailureMapper.isCancellation(failure)) {
      if (ctx.stopping()) {
        throw ctx.aborted();
      }
      ended = new ExecutionResult(ExecutionStatus.ABORTED, null, null, null, 0);
    } else {
      ended =
          FailureMapper.executionResult(failure)
              .orElseGet(
                  () -> {
                    AslError error = FailureMapper.toAslError(failure);
                    return new ExecutionResult(
                        ExecutionStatus.FAILED, null, error.error(), error.cause(), 0);
                  });
    }
    throw new AslFailure(StatesError.TASK_FAILED, Json.compact(describe(child, ended)));
  }

  /** The child's {@code DescribeExecution} output, as the integration returns it. */
  private ObjectNode describe(ExecutionRequest child, ExecutionResult result) {
    boolean asJson = pattern == IntegrationPattern.SYNC_2;
    ObjectNode out = Json.NODES.objectNode();
    out.put("ExecutionArn", child.executionArn());
    putPayload(out, "Input", child.input(), asJson);
    out.putObject("InputDetails").put("Included", true);
    out.put("Name", child.executionName());
    if (result.output() != null) {
      putPayload(out, "Output", result.output(), asJson);
      out.putObject("OutputDetails").put("Included", true);
    }
    if (result.error() != null) {
      out.put("Error", result.error());
    }
    if (result.cause() != null) {
      out.put("Cause", result.cause());
    }
    out.put("StartDate", millis(child.startTime()));
    out.put("StateMachineArn", child.stateMachineArn());
    out.put("Status", result.status().name());
    out.put("StopDate", Workflow.currentTimeMillis());
    return out;
  }

  private static void putPayload(ObjectNode out, String field, String text, boolean asJson) {
    if (asJson) {
      out.set(field, Json.parse(text));
    } else {
      out.put(field, text);
    }
  }

  private static long millis(String timestamp) {
    return Timestamps.parse(timestamp).map(Instant::toEpochMilli).orElse(0L);
  }
}
