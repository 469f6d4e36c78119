package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.statecraft.asl.dataflow.ExactJson;
import java.util.Objects;

/**
 * One call of a task: everything the {@link Tasks} port needs, as a plain record that Jackson can
 * serialise.
 *
 * <p>The invocation id is stable across replays and unique within the execution. Its format is
 * {@code <scope><state>#<visit>} with an optional {@code @<attempt>}, the one the activities module
 * parses ({@code io.statecraft.activities.ActivityId}):
 *
 * <ul>
 *   <li>{@code <scope>} is empty at the top level, else a sequence of {@code
 *       <ParallelState>[<branch>]/} and {@code <MapState>[<index>]/} segments, outermost first,
 *       indexes from 0;
 *   <li>{@code <visit>} counts the entries into that state within that scope, from 1, across the
 *       whole execution (a scope that runs again, because its Map or Parallel state is retried or
 *       entered again, keeps counting);
 *   <li>{@code @<attempt>} is appended for the retries the interpreter runs itself, counting
 *       attempts from 1: {@code @2} is the first retry, {@code @3} the second. The first attempt,
 *       and every attempt of a native retry policy, has no suffix;
 *   <li>the characters {@code % / [ ] # @} inside state names are written {@code %25 %2F %5B %5D
 *       %23 %40}.
 * </ul>
 *
 * For example {@code Order#1}, {@code Items[3]/Charge#1} and {@code Fan[0]/Items[2]/Charge#2@2}.
 *
 * @param invocationId the identity described above
 * @param stateName the Task state's name
 * @param resource the state's {@code Resource}, as written
 * @param parameters the effective parameters: after InputPath and Parameters, or Arguments
 * @param timeoutSeconds the resolved TimeoutSeconds(Path), or {@code null} for AWS's default of
 *     99,999,999 seconds
 * @param heartbeatSeconds the resolved HeartbeatSeconds(Path), or {@code null} for none
 * @param credentials the evaluated {@code Credentials}, or {@code null}
 * @param context the context object as the task sees it ({@code $$}, including {@code
 *     State.RetryCount} and {@code Task.Token})
 * @param taskToken the task token of a {@code .waitForTaskToken} resource, or {@code null}
 * @param attempt the attempt number, from 0; equal to {@code $$.State.RetryCount}
 * @param nativeRetry the retry policy the port must apply itself, or {@code null} for exactly one
 *     attempt
 * @param executionDeadline when the execution times out (its {@code TimeoutSeconds} after its
 *     start), in {@code $$.Execution.StartTime} form, or {@code null} when it never does. No
 *     attempt of the task, native retries included, may start or go on past it: the execution has
 *     ended by then.
 */
public record TaskInvocation(
    String invocationId,
    String stateName,
    String resource,
    @JsonDeserialize(using = ExactJson.class) JsonNode parameters,
    Integer timeoutSeconds,
    Integer heartbeatSeconds,
    @JsonDeserialize(using = ExactJson.class) JsonNode credentials,
    @JsonDeserialize(using = ExactJson.class) JsonNode context,
    String taskToken,
    int attempt,
    NativeRetryPolicy nativeRetry,
    String executionDeadline) {

  /** AWS's TimeoutSeconds when a Task state sets none. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 99_999_999;

  public TaskInvocation {
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(stateName, "stateName");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(context, "context");
  }

  /** Whether the resource asks for a callback: it ends with {@code .waitForTaskToken}. */
  public boolean waitsForTaskToken() {
    return resource.endsWith(".waitForTaskToken");
  }
}
