package io.statecraft.workflows.interpreter;

import io.statecraft.asl.Asl;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.interpret.BranchOutcome;
import io.statecraft.asl.interpret.FanOutKind;
import io.statecraft.asl.interpret.Interpreter;
import io.statecraft.asl.interpret.Observer;
import io.statecraft.asl.interpret.Ports;
import io.statecraft.asl.interpret.Suspension;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.failure.FailureMapper;
import io.statecraft.workflows.ports.DefinitionSource;
import io.statecraft.workflows.ports.Json;
import io.statecraft.workflows.ports.MapBatchRequest;
import io.statecraft.workflows.ports.MapBatchResult;
import io.statecraft.workflows.ports.MapBatchWorkflow;
import io.statecraft.workflows.ports.RunContext;
import io.statecraft.workflows.ports.RunMetrics;
import io.statecraft.workflows.ports.TemporalBranches;
import io.statecraft.workflows.ports.TemporalTasks;
import io.statecraft.workflows.ports.TemporalTimers;
import io.statecraft.workflows.ports.WorkflowTime;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a batch of a large Map state's items, each with {@code Interpreter.runBranch} over the same
 * Temporal ports as the execution. At most {@code concurrency} items run at once; once the batch's
 * own failures exceed the tolerance, the rest are cancelled. Between items, a batch whose history
 * reached the limit continues as new with the outcomes so far.
 */
public final class MapBatchWorkflowImpl extends CallbackHandlers implements MapBatchWorkflow {

  private final WorkerServices services;
  private String definition;
  private RunContext ctx;

  public MapBatchWorkflowImpl(WorkerServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public MapBatchResult run(MapBatchRequest request) {
    DefinitionSource source =
        Workflow.newLocalActivityStub(
            DefinitionSource.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setScheduleToCloseTimeout(Duration.ofHours(1))
                .build());
    definition = source.load(request.parentWorkflowId(), request.definitionSha256());
    if (!ExecutionRequest.sha256(definition).equals(request.definitionSha256())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The loaded definition does not have the SHA-256 " + request.definitionSha256(),
          "Statecraft.DefinitionMismatch");
    }
    services.definitions().put(request.definitionSha256(), definition);
    StateMachine machine = Asl.read(definition);
    String deadline = request.template().executionDeadline();
    ctx =
        new RunContext(
            request.stateMachineName(),
            request.executionArn(),
            request.run(),
            services.settings(),
            request.limits(),
            deadline == null ? null : Timestamps.parse(deadline).orElse(null),
            false,
            new RunMetrics(request.stateMachineName(), services.callbackGauge()));
    WorkflowTime time = ctx.time();
    Ports ports =
        new Ports(
            new TemporalTasks(ctx),
            new TemporalTimers(ctx),
            new TemporalBranches(ctx, request.definitionSha256()),
            Observer.NONE,
            time,
            time,
            Suspension.NEVER);
    Interpreter interpreter =
        new Interpreter(
            ports, new Interpreter.Options(NativeRetries.allowed(Json.parse(definition))));
    return runItems(request, machine, interpreter);
  }

  private MapBatchResult runItems(
      MapBatchRequest request, StateMachine machine, Interpreter interpreter) {
    int n = request.items().size();
    int first = request.done().size();
    BranchOutcome[] outcomes = new BranchOutcome[n];
    RuntimeException[] errors = new RuntimeException[n];
    int[] failed = {0};
    for (int i = 0; i < first; i++) {
      outcomes[i] = request.done().get(i);
      if (outcomes[i].status() == BranchOutcome.Status.FAILED) {
        failed[0]++;
      }
    }
    int[] running = {0};
    int[] budget = {request.eventBudget()};
    boolean keepEvents = request.template().kind() == FanOutKind.INLINE_MAP;
    List<CancellationScope> scopes = new ArrayList<>();
    int limit = Math.max(1, request.concurrency());
    int next = first;
    boolean stopped = false;
    try {
      for (; next < n; next++) {
        Workflow.await(() -> running[0] < limit || exceeded(request, failed[0]));
        if (exceeded(request, failed[0])) {
          break;
        }
        if (next > first
            && Workflow.getInfo().getHistoryLength()
                >= request.limits().continueAfterHistoryEvents()) {
          Workflow.await(() -> running[0] == 0);
          if (!exceeded(request, failed[0])) {
            List<BranchOutcome> done = new ArrayList<>(next);
            for (int i = 0; i < next; i++) {
              done.add(outcomes[i]);
            }
            Workflow.await(Workflow::isEveryHandlerFinished);
            Workflow.continueAsNew(request.continued(done, budget[0]));
          }
          break;
        }
        int index = next;
        running[0]++;
        CancellationScope scope =
            Workflow.newCancellationScope(
                () ->
                    Async.function(() -> interpreter.runBranch(machine, request.spec(index)))
                        .handle(
                            (outcome, failure) -> {
                              running[0]--;
                              if (failure != null) {
                                errors[index] = failure;
                              } else {
                                outcomes[index] = keep(outcome, keepEvents, budget);
                                if (outcome.status() == BranchOutcome.Status.FAILED) {
                                  failed[0]++;
                                }
                              }
                              return null;
                            }));
        scopes.add(scope);
        scope.run();
      }
      Workflow.await(() -> running[0] == 0 || exceeded(request, failed[0]));
    } catch (RuntimeException e) {
      if (!FailureMapper.isCancellation(e)) {
        throw e;
      }
      stopped = true;
    }
    if (stopped || exceeded(request, failed[0])) {
      for (CancellationScope scope : scopes) {
        scope.cancel();
      }
    }
    Workflow.newDetachedCancellationScope(() -> Workflow.await(() -> running[0] == 0)).run();
    if (stopped || ctx.stopping()) {
      throw FailureMapper.batchCancelled();
    }
    List<BranchOutcome> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (outcomes[i] != null) {
        result.add(outcomes[i]);
      } else if (errors[i] != null && !FailureMapper.isCancellation(errors[i])) {
        throw errors[i];
      } else {
        result.add(BranchOutcome.cancelled());
      }
    }
    return new MapBatchResult(result);
  }

  private static boolean exceeded(MapBatchRequest request, int failed) {
    return request.tolerance().exceeded(failed, request.totalItems());
  }

  /**
   * The outcome to return: an inline item keeps its events while the budget lasts; a Distributed
   * Map item never does.
   */
  private static BranchOutcome keep(BranchOutcome outcome, boolean keepEvents, int[] budget) {
    if (keepEvents && outcome.events().size() <= budget[0]) {
      budget[0] -= outcome.events().size();
      return outcome;
    }
    return new BranchOutcome(
        outcome.status(),
        outcome.output(),
        outcome.error(),
        outcome.cause(),
        List.of(),
        0,
        outcome.maxVisit());
  }

  @Override
  public String definition() {
    return definition;
  }

  @Override
  protected RunContext run() {
    return ctx;
  }

  @Override
  protected String notStartedMessage() {
    return "The batch has not started any task.";
  }
}
