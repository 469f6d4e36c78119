package io.statecraft.asl.interpret;

import static io.statecraft.asl.interpret.HistoryShapeTest.shape;
import static io.statecraft.asl.testing.Fakes.json;
import static io.statecraft.asl.testing.Model.catcher;
import static io.statecraft.asl.testing.Model.distributed;
import static io.statecraft.asl.testing.Model.graph;
import static io.statecraft.asl.testing.Model.inline;
import static io.statecraft.asl.testing.Model.literal;
import static io.statecraft.asl.testing.Model.machine;
import static io.statecraft.asl.testing.Model.path;
import static io.statecraft.asl.testing.Model.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.model.JitterStrategy;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.model.choice.Choice;
import io.statecraft.asl.model.choice.ChoiceRule;
import io.statecraft.asl.model.choice.ComparisonOperator;
import io.statecraft.asl.model.state.MapState;
import io.statecraft.asl.model.state.WaitState;
import io.statecraft.asl.testing.Fakes;
import io.statecraft.asl.testing.Model;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StatesTest {

  static InMemoryRunner.Run run(StateMachine m, String input) {
    return new InMemoryRunner().start(m, json(input));
  }

  static JsonNode output(InMemoryRunner.Run run) {
    assertThat(run.outcome()).isInstanceOf(ExecutionOutcome.Succeeded.class);
    return ((ExecutionOutcome.Succeeded) run.outcome()).output();
  }

  @Test
  void passInjectsItsResultWhereResultPathSays() {
    StateMachine m =
        machine(
            "P",
            state("P").result("{\"x\":1}").resultPath("$.r").next("Q").pass(),
            state("Q").inputPath(null).outputPath(null).pass());
    assertThat(output(run(m, "{\"in\":true}"))).isEqualTo(json("{}"));
    assertThat(run(m, "{\"in\":true}").history().get(2).output())
        .isEqualTo(json("{\"in\":true,\"r\":{\"x\":1}}"));
  }

  @Test
  void anOversizedPassResultFailsBeforeItsExit() {
    StateMachine m = machine("P", state("P").result("\"" + "a".repeat(262144) + "\"").pass());
    InMemoryRunner.Run run = run(m, "{}");
    assertThat(run.outcome())
        .isEqualTo(
            new ExecutionOutcome.Failed(
                "States.DataLimitExceeded",
                "The state/task 'P' returned a result with a size exceeding the maximum number of"
                    + " bytes service limit."));
    assertThat(shape(run.history()))
        .isEqualTo("ExecutionStarted:1<0 PassStateEntered:2<0 ExecutionFailed:3<2");
  }

  static Choice when(String path, ComparisonOperator op, String value, String next) {
    return new Choice(
        new ChoiceRule.Comparison(Fakes.path(path), op, new ChoiceRule.Literal(json(value))),
        next,
        Optional.empty(),
        Optional.empty(),
        null);
  }

  @Test
  void choiceGoesToTheFirstMatchElseDefaultElseFails() {
    StateMachine m =
        machine(
            "C",
            state("C")
                .choice(
                    List.of(
                        when("$.n", ComparisonOperator.NUMERIC_GREATER_THAN, "10", "Big"),
                        when("$.n", ComparisonOperator.NUMERIC_GREATER_THAN, "0", "Small")),
                    "Zero"),
            state("Big").result("\"big\"").pass(),
            state("Small").result("\"small\"").pass(),
            state("Zero").result("\"zero\"").pass());
    assertThat(output(run(m, "{\"n\":11}")).asText()).isEqualTo("big");
    assertThat(output(run(m, "{\"n\":5}")).asText()).isEqualTo("small");
    assertThat(output(run(m, "{\"n\":0}")).asText()).isEqualTo("zero");

    StateMachine noDefault =
        machine(
            "C",
            state("C")
                .choice(List.of(when("$.n", ComparisonOperator.NUMERIC_EQUALS, "1", "One")), null),
            state("One").pass());
    InMemoryRunner.Run failed = run(noDefault, "{\"n\":2}");
    assertThat(((ExecutionOutcome.Failed) failed.outcome()).error())
        .isEqualTo("States.NoChoiceMatched");
    assertThat(shape(failed.history()))
        .isEqualTo("ExecutionStarted:1<0 ChoiceStateEntered:2<0 ExecutionFailed:3<2");
  }

  @Test
  void waitSleepsOnTheClockForSecondsPathsAndTimestamps() {
    StateMachine m =
        machine(
            "A",
            state("A").next("B").waitFor(new WaitState.Seconds(literal("5"))),
            state("B").next("C").waitFor(new WaitState.Seconds(path("SecondsPath", "$.s"))),
            state("C")
                .next("D")
                .waitFor(new WaitState.Timestamp(literal("\"2024-01-01T00:01:00Z\""))),
            state("D").waitFor(new WaitState.Timestamp(literal("\"2016-03-14T01:59:00Z\""))));
    InMemoryRunner runner = new InMemoryRunner();
    InMemoryRunner.Run r = runner.start(m, json("{\"s\":7}"));
    assertThat(output(r)).isEqualTo(json("{\"s\":7}"));
    assertThat(runner.clock().waits())
        .extracting(TimerRequest::duration)
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(7), Duration.ofSeconds(48));
    assertThat(runner.clock().waits().get(0).summary()).isEqualTo("Wait A");
    assertThat(runner.clock().now()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
  }

  @Test
  void waitRejectsNegativeAndFractionalSecondsAndBadTimestampsAsAwsDoes() {
    StateMachine seconds =
        machine("W", state("W").waitFor(new WaitState.Seconds(path("SecondsPath", "$.w"))));
    assertThat(((ExecutionOutcome.Failed) run(seconds, "{\"w\":-1}").outcome()).cause())
        .isEqualTo(
            "An error occurred while executing the state 'W' (entered at the event id #2). The"
                + " SecondsPath parameter references a negative value: $.w == -1");
    assertThat(((ExecutionOutcome.Failed) run(seconds, "{\"w\":1.5}").outcome()).cause())
        .endsWith("The SecondsPath parameter cannot be parsed as a long value: $.w == 1.5");
    StateMachine stamp =
        machine("W", state("W").waitFor(new WaitState.Timestamp(path("TimestampPath", "$.t"))));
    InMemoryRunner.Run bad = run(stamp, "{\"t\":\"2016-12-05T21:29:29\"}");
    assertThat(((ExecutionOutcome.Failed) bad.outcome()).cause())
        .endsWith(
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
                + " date-time format string: $.t == 2016-12-05T21:29:29");
    assertThat(shape(bad.history()))
        .isEqualTo("ExecutionStarted:1<0 WaitStateEntered:2<0 ExecutionFailed:3<2");
  }

  @Test
  void failReportsItsErrorAndCauseFromLiteralsOrPaths() {
    StateMachine literal = machine("F", state("F").fail(literal("\"E\""), literal("\"because\"")));
    assertThat(run(literal, "{}").outcome()).isEqualTo(new ExecutionOutcome.Failed("E", "because"));
    StateMachine paths =
        machine("F", state("F").fail(path("ErrorPath", "$.e"), path("CausePath", "$.missing")));
    ExecutionOutcome.Failed f = (ExecutionOutcome.Failed) run(paths, "{\"e\":\"E\"}").outcome();
    assertThat(f.error()).isEqualTo("States.Runtime");
    assertThat(f.cause())
        .isEqualTo(
            "An error occurred while executing the state 'F' (entered at the event id #2). The"
                + " JSONPath '$.missing' specified for the field 'CausePath' could not be found in"
                + " the input '{\"e\":\"E\"}'");
    StateMachine empty = machine("F", state("F").fail(null, null));
    assertThat(run(empty, "{}").outcome()).isEqualTo(new ExecutionOutcome.Failed(null, null));
  }

  @Test
  void succeedEndsWithItsFilteredInput() {
    StateMachine m = machine("S", state("S").inputPath("$.a").succeed());
    InMemoryRunner.Run r = run(m, "{\"a\":[1]}");
    assertThat(output(r)).isEqualTo(json("[1]"));
    assertThat(shape(r.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 SucceedStateEntered:2<0 SucceedStateExited:3<2"
                + " ExecutionSucceeded:4<3");
  }

  @Test
  void parallelOutputsTheBranchOutputsInOrderAndBranchesReadOuterVariables() {
    StateMachine m =
        machine(
            "Set",
            state("Set").assign("{\"x\":42}").next("P").pass(),
            state("P")
                .parallel(
                    graph("A", state("A").parameters("{\"x.$\":\"$x\"}").pass()),
                    graph("B", state("B").result("\"b\"").pass())));
    assertThat(output(run(m, "{}"))).isEqualTo(json("[{\"x\":42},\"b\"]"));
  }

  @Test
  void aBranchCannotAssignAnOuterVariableButItsCatchCan() {
    StateMachine m =
        machine(
            "Set",
            state("Set").assign("{\"x\":1}").next("P").pass(),
            state("P")
                .catchers(Model.catcher(List.of("States.Runtime"), "Never", null, null))
                .parallel(graph("A", state("A").assign("{\"x\":2}").pass())),
            state("Never").pass());
    ExecutionOutcome.Failed f = (ExecutionOutcome.Failed) run(m, "{}").outcome();
    assertThat(f.error()).isEqualTo("States.Runtime");
    assertThat(f.cause()).contains("cannot assign the variable 'x'");

    StateMachine viaCatch =
        machine(
            "Set",
            state("Set").assign("{\"x\":1}").next("P").pass(),
            state("P")
                .catchers(
                    new io.statecraft.asl.model.Catcher(
                        List.of("States.ALL"),
                        "Read",
                        io.statecraft.asl.model.ResultPathSpec.REPLACE,
                        Optional.empty(),
                        Optional.of(Fakes.template("{\"x.$\":\"$.Error\"}")),
                        null))
                .parallel(graph("A", state("A").fail(literal("\"Boom\""), null))),
            state("Read").parameters("{\"x.$\":\"$x\"}").pass());
    assertThat(output(run(viaCatch, "{}"))).isEqualTo(json("{\"x\":\"Boom\"}"));
  }

  @Test
  void assignAndOutputPathSeeTheVariablesAsTheyWereBeforeTheState() {
    StateMachine m =
        machine(
            "A",
            state("A")
                .result("{\"q\":\"question\"}")
                .assign("{\"q.$\":\"$.q\",\"answer\":42}")
                .next("B")
                .pass(),
            state("B")
                .inputPath("$answer")
                .resultPath("$.r")
                .outputPath("$answer")
                .assign("{\"answer\":\"changed\",\"old.$\":\"$answer\"}")
                .next("C")
                .pass(),
            state("C")
                .parameters("{\"answer.$\":\"$answer\",\"old.$\":\"$old\",\"q.$\":\"$q\"}")
                .pass());
    InMemoryRunner.Run r = run(m, "{}");
    assertThat(output(r)).isEqualTo(json("{\"answer\":\"changed\",\"old\":42,\"q\":\"question\"}"));
    assertThat(r.history().get(4).details().get("assignedVariables"))
        .isEqualTo(json("{\"answer\":\"changed\",\"old\":42}"));
  }

  @Test
  void mapIterationsSeeTheirItemAndIndexOnlyInTheItemSelector() {
    Model.MapOptions o = new Model.MapOptions();
    o.items = path("ItemsPath", "$.list");
    o.itemSelector =
        Fakes.template(
            "{\"value.$\":\"$$.Map.Item.Value\",\"index.$\":\"$$.Map.Item.Index\",\"all.$\":\"$.n\"}");
    StateMachine m =
        machine(
            "M",
            state("M")
                .resultSelector("{\"r.$\":\"$\"}")
                .map(inline(graph("I", state("I").pass())), o));
    assertThat(output(run(m, "{\"list\":[\"a\",\"b\"],\"n\":1}")))
        .isEqualTo(
            json(
                "{\"r\":[{\"value\":\"a\",\"index\":0,\"all\":1},"
                    + "{\"value\":\"b\",\"index\":1,\"all\":1}]}"));
  }

  @Test
  void mapWithoutMaxConcurrencyRunsEachIterationOnItsOwnLine() {
    StateMachine m =
        machine("M", state("M").map(inline(graph("I", state("I").pass())), new Model.MapOptions()));
    assertThat(shape(run(m, "[1,2]").history()))
        .isEqualTo(
            "ExecutionStarted:1<0 MapStateEntered:2<0 MapStateStarted:3<2"
                + " MapIterationStarted[0]:4<3 PassStateEntered:5<4 PassStateExited:6<5"
                + " MapIterationSucceeded[0]:7<6 MapIterationStarted[1]:8<3 PassStateEntered:9<8"
                + " PassStateExited:10<9 MapIterationSucceeded[1]:11<10 MapStateSucceeded:12<11"
                + " MapStateExited:13<11 ExecutionSucceeded:14<13");
  }

  @Test
  void aMapOverANonArrayFails() {
    StateMachine m =
        machine("M", state("M").map(inline(graph("I", state("I").pass())), new Model.MapOptions()));
    ExecutionOutcome.Failed f = (ExecutionOutcome.Failed) run(m, "{\"a\":1}").outcome();
    assertThat(f.error()).isEqualTo("States.Runtime");
    assertThat(f.cause()).endsWith("Map state input must be an array but was: {\"a\":1}");
  }

  @Test
  void distributedMapToleratesFailuresUpToItsThresholdAndBatchesItems() {
    Model.MapOptions o = new Model.MapOptions();
    o.toleratedCount = literal("1");
    StateMachine m =
        machine(
            "M",
            state("M")
                .map(
                    distributed(
                        graph(
                            "C",
                            state("C")
                                .choice(
                                    List.of(
                                        when("$", ComparisonOperator.NUMERIC_EQUALS, "2", "Bad")),
                                    "Good"),
                            state("Good").pass(),
                            state("Bad").fail(literal("\"Two\""), literal("\"no twos\"")))),
                    o));
    InMemoryRunner.Run ok = run(m, "[1,2,3]");
    assertThat(output(ok)).isEqualTo(json("[1,{\"Error\":\"Two\",\"Cause\":\"no twos\"},3]"));
    assertThat(shape(ok.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 MapStateEntered:2<0 MapStateStarted:3<2 MapRunStarted:4<3"
                + " MapRunSucceeded:5<4 MapStateSucceeded:6<5 MapStateExited:7<4"
                + " ExecutionSucceeded:8<7");
    InMemoryRunner.Run tooMany = run(m, "[2,2,3]");
    assertThat(((ExecutionOutcome.Failed) tooMany.outcome()).error())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(tooMany.history())
        .extracting(HistoryEvent::type)
        .contains(HistoryEventType.MapRunFailed, HistoryEventType.MapStateFailed);

    Model.MapOptions batched = new Model.MapOptions();
    batched.batcher =
        new MapState.ItemBatcher(
            Optional.of(literal("2")),
            Optional.empty(),
            Optional.of(Fakes.template("{\"b\":true}")));
    StateMachine b =
        machine("M", state("M").map(distributed(graph("P", state("P").pass())), batched));
    assertThat(output(run(b, "[1,2,3]")))
        .isEqualTo(
            json(
                "[{\"BatchInput\":{\"b\":true},\"Items\":[1,2]},"
                    + "{\"BatchInput\":{\"b\":true},\"Items\":[3]}]"));
  }

  @Test
  void distributedIterationsCannotSeeOuterVariables() {
    StateMachine m =
        machine(
            "Set",
            state("Set").assign("{\"x\":1}").next("M").pass(),
            state("M")
                .map(
                    distributed(graph("P", state("P").parameters("{\"x.$\":\"$x\"}").pass())),
                    new Model.MapOptions()));
    assertThat(((ExecutionOutcome.Failed) run(m, "[1]").outcome()).error())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void jsonataStatesSeeStatesInputResultAndErrorOutput() {
    String resource = "arn:aws:states:::lambda:invoke";
    StateMachine m =
        machine(
            "T",
            state("T")
                .jsonata()
                .arguments(
                    Fakes.jsonataTemplate(
                        "{% {'id': $states.input.id} %}",
                        s -> {
                          ObjectNode a = JsonNodeFactory.instance.objectNode();
                          a.set("id", s.input().get("id"));
                          return a;
                        }))
                .output(
                    Fakes.jsonataTemplate(
                        "{% $states.result.total %}", s -> s.result().get("total")))
                .assign(
                    Fakes.jsonataTemplate(
                        "{% {'seen': $states.input.id} %}",
                        s -> {
                          ObjectNode a = JsonNodeFactory.instance.objectNode();
                          a.set("seen", s.input().get("id"));
                          return a;
                        }))
                .next("Fails")
                .task(resource),
            state("Fails")
                .jsonata()
                .catchers(
                    Model.catcher(
                        List.of("States.ALL"),
                        "Done",
                        Fakes.jsonataTemplate(
                            "{% $states.errorOutput %}",
                            s -> {
                              ObjectNode o = s.errorOutput().deepCopy();
                              o.set("input", s.input());
                              o.put("seen", s.variables().get("seen").asInt());
                              return o;
                            }),
                        null))
                .task("arn:aws:states:::fail:always"),
            state("Done").jsonata().pass());
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(resource, c -> json("{\"total\":" + (c.input().get("id").asInt() * 2) + "}"));
    runner
        .tasks()
        .register(
            "arn:aws:states:::fail:always",
            c -> {
              throw new AslFailure(new AslError("Nope", "never works"));
            });
    InMemoryRunner.Run r = runner.start(m, json("{\"id\":21}"));
    assertThat(output(r))
        .isEqualTo(json("{\"Error\":\"Nope\",\"Cause\":\"never works\",\"input\":42,\"seen\":21}"));
  }

  @Test
  void aJsonataEvaluationFailureRecordsEvaluationFailedBeforeTheExecutionFails() {
    StateMachine m =
        machine(
            "P",
            state("P")
                .jsonata()
                .output(
                    Fakes.jsonataTemplate(
                        "{% $nope %}",
                        s -> {
                          throw new AslFailure(
                              io.statecraft.asl.error.StatesError.QUERY_EVALUATION_ERROR,
                              "The JSONata expression '$nope' specified for the field 'Output'"
                                  + " returned nothing (undefined).");
                        }))
                .pass());
    InMemoryRunner.Run r = run(m, "{}");
    assertThat(shape(r.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 PassStateEntered:2<0 EvaluationFailed:3<0"
                + " ExecutionFailed:4<3");
    assertThat(r.history().get(2).cause())
        .isEqualTo(
            "An error occurred while executing the state 'P' (entered at the event id #2). The"
                + " JSONata expression '$nope' specified for the field 'Output' returned nothing"
                + " (undefined).");
    assertThat(r.history().get(2).details().get("state").asText()).isEqualTo("P");
  }

  @Test
  void theExecutionTimesOutWhenAWaitPassesItsTimeoutSeconds() {
    StateMachine m =
        machine(
            OptionalInt.of(60), "W", state("W").waitFor(new WaitState.Seconds(literal("3600"))));
    InMemoryRunner runner = new InMemoryRunner();
    InMemoryRunner.Run r = runner.start(m, json("{}"));
    assertThat(r.outcome()).isInstanceOf(ExecutionOutcome.TimedOut.class);
    assertThat(runner.clock().now()).isEqualTo(InMemoryRunner.DEFAULT_START.plusSeconds(60));
    assertThat(r.history().get(r.history().size() - 1).type())
        .isEqualTo(HistoryEventType.ExecutionTimedOut);
  }

  @Test
  void aRetryDueExactlyAtTheDeadlineIsNotAttempted() {
    // Found by the property tests: a pause ending at the deadline let one more attempt run at the
    // instant the execution timed out.
    String resource = "arn:aws:states:::lambda:invoke";
    StateMachine m =
        machine(
            OptionalInt.of(1),
            "T",
            state("T")
                .retry(
                    Model.retrier(
                        List.of("States.ALL"), 1, 3, 2.0, OptionalInt.empty(), JitterStrategy.NONE))
                .task(resource));
    InMemoryRunner runner = new InMemoryRunner().options(new Interpreter.Options(false));
    runner
        .tasks()
        .register(
            resource,
            c -> {
              throw new AslFailure(new AslError("Flaky", "always"));
            });
    InMemoryRunner.Run r = runner.start(m, json("{}"));
    assertThat(r.outcome()).isInstanceOf(ExecutionOutcome.TimedOut.class);
    assertThat(runner.tasks().attempts()).containsExactly("T#1:1");
    assertThat(runner.clock().now()).isEqualTo(InMemoryRunner.DEFAULT_START.plusSeconds(1));
  }

  @Test
  void nativeRetriesEndWithTheExecutionAsInterpretedRetriesDo() {
    // Found by the property tests: the in-memory port applied a native retry policy past the
    // execution's deadline, attempt after attempt (with MaxAttempts 99999999, until memory ran
    // out), where a Temporal activity's schedule-to-close timeout stops at the deadline.
    String resource = "arn:aws:states:::lambda:invoke";
    StateMachine m =
        machine(
            OptionalInt.of(10),
            "T",
            state("T")
                .retry(
                    Model.retrier(
                        List.of("States.ALL"),
                        1,
                        50,
                        1.0,
                        OptionalInt.empty(),
                        JitterStrategy.NONE))
                .task(resource));
    List<String> attempts = new java.util.ArrayList<>();
    for (boolean nativeRetries : new boolean[] {true, false}) {
      InMemoryRunner runner = new InMemoryRunner().options(new Interpreter.Options(nativeRetries));
      runner
          .tasks()
          .register(
              resource,
              c -> {
                throw new AslFailure(new AslError("Flaky", "always"));
              });
      InMemoryRunner.Run r = runner.start(m, json("{}"));
      assertThat(r.outcome()).isInstanceOf(ExecutionOutcome.TimedOut.class);
      assertThat(runner.tasks().attempts()).hasSize(10);
      assertThat(runner.clock().now()).isEqualTo(InMemoryRunner.DEFAULT_START.plusSeconds(10));
      attempts.add(String.valueOf(runner.tasks().invocations().get(0).executionDeadline()));
    }
    assertThat(attempts).containsOnly("2024-01-01T00:00:10.000Z");
  }

  @Test
  void aWaitEndingExactlyAtTheDeadlineEndsWithTheExecution() {
    StateMachine m =
        machine(
            OptionalInt.of(60),
            "W",
            state("W").next("Done").waitFor(new WaitState.Seconds(literal("60"))),
            state("Done").succeed());
    InMemoryRunner.Run r = new InMemoryRunner().start(m, json("{}"));
    assertThat(r.outcome()).isInstanceOf(ExecutionOutcome.TimedOut.class);
    assertThat(r.history())
        .extracting(HistoryEvent::type)
        .containsExactly(
            HistoryEventType.ExecutionStarted,
            HistoryEventType.WaitStateEntered,
            HistoryEventType.ExecutionTimedOut);
  }

  @Test
  void aTaskStillRunningAtTheDeadlineEndsWithTheExecution() {
    String resource = "arn:aws:states:::lambda:invoke";
    StateMachine m = machine(OptionalInt.of(30), "T", state("T").task(resource));
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(
            resource,
            c -> {
              c.sleep(Duration.ofSeconds(45));
              return c.input();
            });
    InMemoryRunner.Run r = runner.start(m, json("{}"));
    assertThat(r.outcome()).isInstanceOf(ExecutionOutcome.TimedOut.class);
    assertThat(r.history())
        .extracting(HistoryEvent::type)
        .doesNotContain(HistoryEventType.TaskSucceeded, HistoryEventType.TaskStateExited)
        .endsWith(HistoryEventType.TaskStarted, HistoryEventType.ExecutionTimedOut);
    // The task is cut off at the deadline, as an activity whose timeout stops there.
    assertThat(runner.clock().now()).isEqualTo(InMemoryRunner.DEFAULT_START.plusSeconds(30));
  }

  @Test
  void anAbortingPortRecordsTheAbortedEvents() {
    String resource = "arn:aws:states:::lambda:invoke";
    StateMachine m = machine("T", state("T").task(resource));
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(
            resource,
            c -> {
              throw new ExecutionAborted("Stopped", "by the operator");
            });
    InMemoryRunner.Run r = runner.start(m, json("{}"));
    assertThat(r.outcome()).isEqualTo(new ExecutionOutcome.Aborted("Stopped", "by the operator"));
    assertThat(r.history())
        .extracting(HistoryEvent::type)
        .endsWith(HistoryEventType.TaskStateAborted, HistoryEventType.ExecutionAborted);
  }

  @Test
  void testStateEvaluatesOneStateAndReportsWhereItWouldGo() {
    InMemoryRunner runner = new InMemoryRunner();
    StateEvaluation ok =
        runner.evaluate(
            state("P").result("{\"v\":1}").assign("{\"seen.$\":\"$.v\"}").next("Next").pass(),
            json("{}"),
            Map.of("old", BooleanNode.TRUE));
    assertThat(ok.status()).isEqualTo(StateEvaluation.Status.SUCCEEDED);
    assertThat(ok.output()).isEqualTo(json("{\"v\":1}"));
    assertThat(ok.nextState()).isEqualTo("Next");
    assertThat(ok.variables())
        .containsEntry("seen", json("1"))
        .containsEntry("old", BooleanNode.TRUE);

    String resource = "arn:aws:states:::lambda:invoke";
    runner
        .tasks()
        .register(
            resource,
            c -> {
              throw new AslFailure(new AslError("Flaky", "x"));
            });
    StateEvaluation retriable =
        runner.evaluate(
            state("T").retry(Model.retrier(List.of("Flaky"), 1, 2, 2.0)).task(resource),
            json("{}"),
            Map.of());
    assertThat(retriable.status()).isEqualTo(StateEvaluation.Status.RETRIABLE);
    assertThat(retriable.error()).isEqualTo("Flaky");
    StateEvaluation caught =
        runner.evaluate(
            state("T").catchers(catcher(List.of("Flaky"), "Handle", "$.e")).task(resource),
            json("{}"),
            Map.of());
    assertThat(caught.status()).isEqualTo(StateEvaluation.Status.CAUGHT_ERROR);
    assertThat(caught.nextState()).isEqualTo("Handle");
    assertThat(caught.output()).isEqualTo(json("{\"e\":{\"Error\":\"Flaky\",\"Cause\":\"x\"}}"));
    StateEvaluation failed = runner.evaluate(state("T").task(resource), json("{}"), Map.of());
    assertThat(failed.status()).isEqualTo(StateEvaluation.Status.FAILED);
  }
}
