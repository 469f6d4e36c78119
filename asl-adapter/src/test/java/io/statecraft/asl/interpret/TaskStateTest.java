package io.statecraft.asl.interpret;

import static io.statecraft.asl.interpret.HistoryShapeTest.shape;
import static io.statecraft.asl.testing.Fakes.json;
import static io.statecraft.asl.testing.Model.catcher;
import static io.statecraft.asl.testing.Model.literal;
import static io.statecraft.asl.testing.Model.machine;
import static io.statecraft.asl.testing.Model.path;
import static io.statecraft.asl.testing.Model.retrier;
import static io.statecraft.asl.testing.Model.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.statecraft.asl.dataflow.ContextObject;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.model.StateMachine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskStateTest {

  static final String RESOURCE = "arn:aws:states:::lambda:invoke";

  @Test
  void dataFlowsThroughInputPathParametersResultSelectorResultPathAndOutputPath() {
    StateMachine m =
        machine(
            "T",
            state("T")
                .inputPath("$.order")
                .parameters("{\"id.$\":\"$.id\",\"fixed\":1}")
                .resultSelector("{\"total.$\":\"$.sum\"}")
                .resultPath("$.charge")
                .outputPath("$.charge")
                .task(RESOURCE));
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(
            RESOURCE,
            call -> {
              assertThat(call.input()).isEqualTo(json("{\"id\":7,\"fixed\":1}"));
              return json("{\"sum\":12.5,\"noise\":true}");
            });
    InMemoryRunner.Run run = runner.start(m, json("{\"order\":{\"id\":7}}"));
    assertThat(run.outcome()).isEqualTo(new ExecutionOutcome.Succeeded(json("{\"total\":12.5}")));
    assertThat(shape(run.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 TaskStateEntered:2<0 TaskScheduled:3<2 TaskStarted:4<3"
                + " TaskSucceeded:5<4 TaskStateExited:6<5 ExecutionSucceeded:7<6");
    HistoryEvent scheduled = run.history().get(2);
    assertThat(scheduled.details().get("resourceType").asText()).isEqualTo("lambda");
    assertThat(scheduled.details().get("resource").asText()).isEqualTo("invoke");
    assertThat(scheduled.details().get("region").asText()).isEqualTo("us-east-1");
    assertThat(scheduled.toAwsJson().at("/taskScheduledEventDetails/parameters").asText())
        .isEqualTo("{\"id\":7,\"fixed\":1}");
  }

  @Test
  void taskEventsNameTheRegionOfTheStateMachinesArn() {
    StateMachine m = machine("T", state("T").task(RESOURCE));
    for (String[] arnAndRegion :
        new String[][] {
          {"arn:aws:states:eu-west-2:123456789012:stateMachine:Orders", "eu-west-2"},
          {"arn:aws:states:ap-south-1:123456789012:stateMachine:Orders/Map", "ap-south-1"},
          {"arn:aws:states::123456789012:stateMachine:Orders", ""},
          {"arn:aws:states:us-west-1", "us-west-1"},
          {"not-an-arn", ""}
        }) {
      InMemoryRunner runner = new InMemoryRunner();
      runner.tasks().register(RESOURCE, call -> json("{}"));
      ExecutionStart start =
          new ExecutionStart(
              new ContextObject.ExecutionInfo(
                  "arn:aws:states:eu-west-2:123456789012:execution:Orders:e",
                  json("{}"),
                  "e",
                  null,
                  "2024-01-01T00:00:00.000Z",
                  0),
              new ContextObject.StateMachineInfo(arnAndRegion[0], "Orders"));
      HistoryEvent scheduled = runner.start(m, start).history().get(2);
      assertThat(scheduled.details().get("region").asText())
          .as(arnAndRegion[0])
          .isEqualTo(arnAndRegion[1]);
    }
  }

  @Test
  void theInvocationCarriesIdentityContextAndTimeouts() {
    StateMachine m =
        machine(
            "T",
            state("T")
                .task(
                    "arn:aws:states:us-east-1:123456789012:activity:Charge",
                    Optional.of(literal("30")),
                    Optional.of(path("HeartbeatSecondsPath", "$.hb"))));
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register("arn:aws:states:us-east-1:123456789012:activity:Charge", c -> c.input());
    InMemoryRunner.Run run = runner.start(m, json("{\"hb\":5}"));
    assertThat(run.outcome()).isInstanceOf(ExecutionOutcome.Succeeded.class);
    TaskInvocation inv = runner.tasks().invocations().get(0);
    assertThat(inv.invocationId()).isEqualTo("T#1");
    assertThat(inv.timeoutSeconds()).isEqualTo(30);
    assertThat(inv.heartbeatSeconds()).isEqualTo(5);
    assertThat(inv.attempt()).isZero();
    assertThat(inv.nativeRetry()).isNull();
    assertThat(inv.context().at("/State/Name").asText()).isEqualTo("T");
    assertThat(inv.context().at("/State/RetryCount").asInt()).isZero();
    assertThat(run.history().get(2).type()).isEqualTo(HistoryEventType.ActivityScheduled);
    assertThat(run.history().get(4).type()).isEqualTo(HistoryEventType.ActivitySucceeded);
  }

  @Test
  void interpretedRetriesWaitOnTimersAndNumberTheirAttempts() {
    StateMachine m =
        machine(
            "T",
            state("T")
                .retry(retrier(List.of("Flaky"), 2, 3, 2.0))
                .parameters("{\"n.$\":\"$$.State.RetryCount\"}")
                .task(RESOURCE));
    InMemoryRunner runner = new InMemoryRunner();
    AtomicInteger calls = new AtomicInteger();
    runner
        .tasks()
        .register(
            RESOURCE,
            c -> {
              if (calls.incrementAndGet() < 3) {
                throw new AslFailure(new AslError("Flaky", "try again"));
              }
              return c.input();
            });
    InMemoryRunner.Run run = runner.start(m, json("{}"));
    assertThat(run.outcome()).isEqualTo(new ExecutionOutcome.Succeeded(json("{\"n\":2}")));
    assertThat(runner.tasks().invocations())
        .extracting(TaskInvocation::invocationId)
        .containsExactly("T#1", "T#1@2", "T#1@3");
    assertThat(runner.clock().waits())
        .extracting(TimerRequest::duration)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(runner.clock().waits().get(1).summary()).isEqualTo("Retry T #2");
    assertThat(shape(run.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 TaskStateEntered:2<0 TaskScheduled:3<2 TaskStarted:4<3"
                + " TaskFailed:5<4 TaskScheduled:6<5 TaskStarted:7<6 TaskFailed:8<7"
                + " TaskScheduled:9<8 TaskStarted:10<9 TaskSucceeded:11<10 TaskStateExited:12<11"
                + " ExecutionSucceeded:13<12");
  }

  @Test
  void catchPlacesTheErrorOutputByResultPathAndSkipsOutputPath() {
    StateMachine m =
        machine(
            "T",
            state("T")
                .outputPath("$.never")
                .catchers(
                    catcher(List.of("Nope"), "Skipped", null),
                    catcher(List.of("States.TaskFailed"), "Handler", "$.error"))
                .task(RESOURCE),
            state("Skipped").pass(),
            state("Handler").pass());
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(
            RESOURCE,
            c -> {
              throw new IllegalStateException("broken");
            });
    InMemoryRunner.Run run = runner.start(m, json("{\"keep\":1}"));
    assertThat(run.outcome())
        .isEqualTo(
            new ExecutionOutcome.Succeeded(
                json(
                    "{\"keep\":1,\"error\":{\"Error\":\"IllegalStateException\","
                        + "\"Cause\":\"broken\"}}")));
    assertThat(shape(run.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 TaskStateEntered:2<0 TaskScheduled:3<2 TaskStarted:4<3"
                + " TaskFailed:5<4 TaskStateExited:6<5 PassStateEntered:7<6 PassStateExited:8<7"
                + " ExecutionSucceeded:9<8");
  }

  @Test
  void uncaughtTaskFailureFailsTheExecutionWithTheTaskError() {
    StateMachine m =
        machine("T", state("T").catchers(catcher(List.of("Other"), "T", null)).task(RESOURCE));
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(
            RESOURCE,
            c -> {
              throw new AslFailure(new AslError("OrderNotFound", "no order 7"));
            });
    InMemoryRunner.Run run = runner.start(m, json("{}"));
    assertThat(run.outcome()).isEqualTo(new ExecutionOutcome.Failed("OrderNotFound", "no order 7"));
    assertThat(run.history().get(run.history().size() - 1).previousEventId()).isEqualTo(5);
  }

  @Test
  void timeoutSecondsAndHeartbeatSecondsEndTheTaskWithTimeoutErrors() {
    StateMachine m =
        machine(
            "T",
            state("T")
                .catchers(catcher(List.of("States.Timeout"), "Done", "$.err"))
                .next("Done")
                .task(RESOURCE, Optional.of(literal("10")), Optional.of(literal("3"))),
            state("Done").pass());
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(
            RESOURCE,
            c -> {
              c.sleep(Duration.ofSeconds(2));
              c.heartbeat();
              c.sleep(Duration.ofSeconds(4));
              return c.input();
            });
    InMemoryRunner.Run run = runner.start(m, json("{}"));
    assertThat(((ExecutionOutcome.Succeeded) run.outcome()).output().at("/err/Error").asText())
        .isEqualTo("States.HeartbeatTimeout");
    assertThat(run.history().get(4).type()).isEqualTo(HistoryEventType.TaskTimedOut);
  }

  @Test
  void waitForTaskTokenIssuesATokenBeforeTheParametersAreEvaluated() {
    String callback = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    StateMachine m =
        machine("T", state("T").parameters("{\"token.$\":\"$$.Task.Token\"}").task(callback));
    InMemoryRunner runner = new InMemoryRunner();
    runner.tasks().register(callback, c -> TextNode.valueOf(c.invocation().taskToken()));
    InMemoryRunner.Run run = runner.start(m, json("{}"));
    TaskInvocation inv = runner.tasks().invocations().get(0);
    assertThat(inv.taskToken()).isEqualTo("token:T#1");
    assertThat(inv.parameters()).isEqualTo(json("{\"token\":\"token:T#1\"}"));
    assertThat(inv.context().at("/Task/Token").asText()).isEqualTo("token:T#1");
    assertThat(run.outcome())
        .isEqualTo(new ExecutionOutcome.Succeeded(TextNode.valueOf("token:T#1")));
  }

  @Test
  void aRuntimeErrorInParametersIsNeitherRetriedNorCaught() {
    StateMachine m =
        machine(
            "T",
            state("T")
                .retry(retrier(List.of("States.ALL"), 1, 3, 2.0))
                .catchers(catcher(List.of("States.ALL"), "T", null))
                .parameters("{\"x.$\":\"$.missing\"}")
                .task(RESOURCE));
    InMemoryRunner runner = new InMemoryRunner();
    runner.tasks().register(RESOURCE, c -> c.input());
    InMemoryRunner.Run run = runner.start(m, json("{}"));
    assertThat(run.outcome()).isInstanceOf(ExecutionOutcome.Failed.class);
    ExecutionOutcome.Failed failed = (ExecutionOutcome.Failed) run.outcome();
    assertThat(failed.error()).isEqualTo("States.Runtime");
    assertThat(failed.cause())
        .startsWith("An error occurred while executing the state 'T' (entered at the event id #2).")
        .contains("'$.missing'");
    assertThat(runner.tasks().invocations()).isEmpty();
    assertThat(shape(run.history()))
        .isEqualTo("ExecutionStarted:1<0 TaskStateEntered:2<0 ExecutionFailed:3<2");
  }

  @Test
  void aResultOverTheLimitFailsWithDataLimitExceeded() {
    StateMachine m = machine("T", state("T").task(RESOURCE));
    InMemoryRunner runner = new InMemoryRunner();
    runner.tasks().register(RESOURCE, c -> TextNode.valueOf("x".repeat(300 * 1024)));
    InMemoryRunner.Run run = runner.start(m, json("{}"));
    assertThat(run.outcome())
        .isEqualTo(
            new ExecutionOutcome.Failed(
                "States.DataLimitExceeded",
                "The state/task 'T' returned a result with a size exceeding the maximum number of"
                    + " bytes service limit."));
  }

  @Test
  void anUnregisteredResourceFailsWithAClearCause() {
    StateMachine m = machine("T", state("T").task("arn:aws:states:::nothing:here"));
    InMemoryRunner.Run run = new InMemoryRunner().start(m, json("{}"));
    assertThat(((ExecutionOutcome.Failed) run.outcome()).cause())
        .isEqualTo(
            "No task handler is registered for the resource 'arn:aws:states:::nothing:here'.");
  }
}
