package io.statecraft.bench.overhead;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.bench.temporal.BenchTasks;
import io.statecraft.workflows.WorkerSettings;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Ten calls of the no-op activity, each with the options the interpreter gives a Task state without
 * TimeoutSeconds or Retry (see {@code TemporalTasks.startActivity}): the platform's task queue, the
 * state's name as summary, StartToClose and ScheduleToClose of AWS's default 99,999,999 s, one
 * attempt, cancellation type TRY_CANCEL.
 */
public final class HandWrittenWorkflowImpl implements HandWrittenWorkflow {

  /** AWS's default TimeoutSeconds of a Task state. */
  static final Duration TASK_TIMEOUT = Duration.ofSeconds(99_999_999);

  @Override
  public JsonNode run(JsonNode input) {
    JsonNode state = input;
    for (int i = 1; i <= OverheadScenario.TASKS; i++) {
      ActivityOptions options =
          ActivityOptions.newBuilder()
              .setTaskQueue(WorkerSettings.DEFAULT_TASK_QUEUE)
              .setSummary(OverheadScenario.stateName(i))
              .setStartToCloseTimeout(TASK_TIMEOUT)
              .setCancellationType(ActivityCancellationType.TRY_CANCEL)
              .setScheduleToCloseTimeout(TASK_TIMEOUT)
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build();
      ActivityStub stub = Workflow.newUntypedActivityStub(options);
      state = stub.execute(BenchTasks.NOOP, JsonNode.class, state);
    }
    return state;
  }
}
