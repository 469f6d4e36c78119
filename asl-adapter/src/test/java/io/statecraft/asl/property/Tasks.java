package io.statecraft.asl.property;

import static io.statecraft.asl.property.JsonArbitraries.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.interpret.memory.TaskRegistry;
import java.time.Duration;

/**
 * The behaviour of every Task resource the generated definitions use: deterministic functions of
 * their parameters and attempt number, covering success, named failures, a retry that succeeds,
 * timeouts, callbacks, a crash and a resource nobody registered.
 */
final class Tasks {

  static final String ECHO = "arn:aws:lambda:us-east-1:123456789012:function:echo";
  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  static final String FLAKY = "arn:aws:lambda:us-east-1:123456789012:function:flaky";
  static final String FAILING = "arn:aws:states:us-east-1:123456789012:activity:work";
  static final String SLOW = "arn:aws:lambda:us-east-1:123456789012:function:slow";
  static final String CALLBACK = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
  static final String CRASHING = "arn:aws:states:::aws-sdk:s3:getObject";
  static final String UNREGISTERED = "arn:aws:states:::sns:publish";

  private Tasks() {}

  static void register(TaskRegistry tasks) {
    // The parameters themselves, not a copy: a task result that aliases the input is legal in
    // memory, and the engine must not write through it.
    tasks.register(ECHO, call -> call.input());
    tasks.register(
        LAMBDA_INVOKE,
        call -> {
          ObjectNode out = NODES.objectNode();
          out.set("Payload", call.input());
          out.put("StatusCode", 200);
          return out;
        });
    tasks.register(
        FLAKY,
        call -> {
          int attempt = call.invocation().attempt() + call.attempt();
          if (attempt < 3) {
            throw new AslFailure(new AslError("Flaky", "attempt " + attempt));
          }
          return NODES.objectNode().put("attempt", attempt);
        });
    tasks.register(
        FAILING,
        call -> {
          if ((call.input().toString().hashCode() & 1) == 1) {
            throw new AslFailure(new AslError("Work.Failed", "odd input " + call.input()));
          }
          if ((call.input().toString().hashCode() & 2) == 2) {
            throw new AslFailure(StatesError.TASK_FAILED, null);
          }
          return NODES.objectNode().put("done", true);
        });
    tasks.register(
        SLOW,
        call -> {
          call.sleep(Duration.ofSeconds(3));
          call.heartbeat();
          call.sleep(Duration.ofSeconds(30));
          return NODES.objectNode().put("slept", 33);
        });
    tasks.register(
        CALLBACK,
        call -> NODES.objectNode().put("token", String.valueOf(call.invocation().taskToken())));
    tasks.register(
        CRASHING,
        call -> {
          throw new IllegalStateException("the handler crashed on " + call.input());
        });
  }
}
