package io.statecraft.activities;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.Header;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;

/**
 * Carries the {@link TaskHeaders#TASK_ID} header from workflow to activity. Register it on every
 * worker factory that runs the interpreter workflow or ASL tasks, for example {@code
 * WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new TaskContextInterceptor())}; {@link
 * io.statecraft.activities.sdk.TaskWorker} does so itself.
 *
 * <ul>
 *   <li>Workflow side: an activity scheduled inside {@link TaskHeaders#withActivityId} gets the
 *       header.
 *   <li>Activity side: while the activity runs, the header's value is what {@link
 *       TaskContext#current()} reads.
 * </ul>
 */
public final class TaskContextInterceptor extends WorkerInterceptorBase {

  // The activity thread runs the interceptor chain and the activity synchronously, so a plain
  // thread local scopes the header to exactly one activity execution.
  private static final ThreadLocal<String> CURRENT_TASK_ID = new ThreadLocal<>();

  /** The header value of the activity running on this thread, or {@code null}. */
  static String currentTaskId() {
    return CURRENT_TASK_ID.get();
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
        super.init(new Outbound(outboundCalls));
      }
    };
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        Payload payload = input.getHeader().getValues().get(TaskHeaders.TASK_ID);
        String previous = CURRENT_TASK_ID.get();
        CURRENT_TASK_ID.set(TaskHeaders.decode(payload).orElse(null));
        try {
          return super.execute(input);
        } finally {
          if (previous == null) {
            CURRENT_TASK_ID.remove();
          } else {
            CURRENT_TASK_ID.set(previous);
          }
        }
      }
    };
  }

  private static final class Outbound extends WorkflowOutboundCallsInterceptorBase {
    Outbound(WorkflowOutboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
      attach(input.getHeader());
      return super.executeActivity(input);
    }

    @Override
    public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
      attach(input.getHeader());
      return super.executeLocalActivity(input);
    }

    private static void attach(Header header) {
      TaskHeaders.pendingActivityId()
          .ifPresent(id -> header.getValues().put(TaskHeaders.TASK_ID, TaskHeaders.encode(id)));
    }
  }
}
