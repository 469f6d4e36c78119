package io.statecraft.bench.statecost;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.interpret.TaskInvocation;
import io.statecraft.asl.interpret.TaskResult;
import io.statecraft.asl.interpret.TaskTokenRequest;
import io.statecraft.asl.interpret.Tasks;
import java.util.Objects;

/**
 * A Tasks port whose task does nothing and returns the same pre-built result every time: the cost
 * of a Task state without the cost of its work or of reaching it. Unlike the in-memory {@code
 * TaskRegistry} it keeps no record of its invocations, so that millions of them do not fill the
 * heap.
 */
final class FixedResultTasks implements Tasks {

  private final TaskResult result;

  FixedResultTasks(JsonNode result) {
    this.result = TaskResult.of(Objects.requireNonNull(result, "result"));
  }

  @Override
  public String issueTaskToken(TaskTokenRequest request) {
    return "token:" + request.invocationId();
  }

  @Override
  public TaskResult invoke(TaskInvocation invocation) {
    return result;
  }
}
