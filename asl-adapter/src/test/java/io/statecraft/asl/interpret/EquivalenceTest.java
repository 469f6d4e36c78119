package io.statecraft.asl.interpret;

import static io.statecraft.asl.testing.Fakes.json;
import static io.statecraft.asl.testing.Model.catcher;
import static io.statecraft.asl.testing.Model.graph;
import static io.statecraft.asl.testing.Model.inline;
import static io.statecraft.asl.testing.Model.literal;
import static io.statecraft.asl.testing.Model.machine;
import static io.statecraft.asl.testing.Model.retrier;
import static io.statecraft.asl.testing.Model.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.model.JitterStrategy;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.testing.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two ways of running the same thing must give the same observable result: native retry policies
 * and interpreted retries, continue-as-new and one long run, child-workflow branches and in-process
 * bodies.
 */
class EquivalenceTest {

  static final String RESOURCE = "arn:aws:states:::lambda:invoke";

  /** A task that fails {@code failures} times, then returns what it saw. */
  static InMemoryRunner runner(int failures, boolean nativeRetries) {
    InMemoryRunner runner = new InMemoryRunner().options(new Interpreter.Options(nativeRetries));
    AtomicInteger calls = new AtomicInteger();
    runner
        .tasks()
        .register(
            RESOURCE,
            c -> {
              int n = calls.incrementAndGet();
              if (n <= failures) {
                throw new AslFailure(new AslError("Flaky" + n, "attempt " + n));
              }
              ObjectNode out = c.input().deepCopy();
              out.put("calls", n);
              return out;
            });
    return runner;
  }

  static StateMachine retrying(int maxAttempts, OptionalInt maxDelay) {
    return machine(
        "T",
        state("T")
            .retry(
                retrier(List.of("States.ALL"), 2, maxAttempts, 3.0, maxDelay, JitterStrategy.NONE))
            .catchers(catcher(List.of("States.ALL"), "Caught", "$.error"))
            .resultSelector("{\"calls.$\":\"$.calls\",\"retries.$\":\"$$.State.RetryCount\"}")
            .task(RESOURCE),
        state("Caught").pass());
  }

  @Test
  void theNativePolicyIsExactlyTheRetrier() {
    InMemoryRunner runner = runner(0, true);
    runner.start(retrying(4, OptionalInt.of(10)), json("{}"));
    NativeRetryPolicy policy = runner.tasks().invocations().get(0).nativeRetry();
    assertThat(policy).isNotNull();
    assertThat(policy.maximumAttempts()).isEqualTo(5);
    assertThat(policy.initialIntervalSeconds()).isEqualTo(2.0);
    assertThat(policy.backoffCoefficient()).isEqualTo(3.0);
    assertThat(policy.maximumIntervalSeconds()).isEqualTo(10.0);
    assertThat(policy.nonRetryableErrorTypes())
        .containsExactly("States.Runtime", "States.DataLimitExceeded");
  }

  @Test
  void nativeAndInterpretedRetriesGiveTheSameOutputsAttemptsAndRetryCounts() {
    for (int failures = 0; failures <= 5; failures++) {
      for (OptionalInt cap : List.of(OptionalInt.empty(), OptionalInt.of(5))) {
        StateMachine m = retrying(3, cap);
        InMemoryRunner nativeRunner = runner(failures, true);
        InMemoryRunner interpreted = runner(failures, false);
        InMemoryRunner.Run a = nativeRunner.start(m, json("{}"));
        InMemoryRunner.Run b = interpreted.start(m, json("{}"));
        assertThat(a.outcome()).as("failures %d cap %s", failures, cap).isEqualTo(b.outcome());
        assertThat(nativeRunner.tasks().attempts()).hasSameSizeAs(interpreted.tasks().attempts());
        assertThat(nativeRunner.clock().now())
            .as("the same delays pass")
            .isEqualTo(interpreted.clock().now());
        assertThat(nativeRunner.tasks().invocations().get(0).nativeRetry()).isNotNull();
        assertThat(interpreted.tasks().invocations().get(0).nativeRetry()).isNull();
      }
    }
  }

  @Test
  void retriersThatTemporalCannotExpressAreInterpreted() {
    List<StateMachine> machines =
        List.of(
            machine(
                "T",
                state("T")
                    .retry(
                        retrier(List.of("A"), 1, 2, 2.0), retrier(List.of("States.ALL"), 1, 2, 2.0))
                    .task(RESOURCE)),
            machine("T", state("T").retry(retrier(List.of("Specific"), 1, 2, 2.0)).task(RESOURCE)),
            machine(
                "T",
                state("T")
                    .retry(
                        retrier(
                            List.of("States.ALL"),
                            1,
                            2,
                            2.0,
                            OptionalInt.empty(),
                            JitterStrategy.FULL))
                    .task(RESOURCE)),
            machine(
                "T",
                state("T")
                    .retry(retrier(List.of("States.ALL"), 1, 2, 2.0))
                    .parameters("{\"n.$\":\"$$.State.RetryCount\"}")
                    .task(RESOURCE)),
            machine(
                "T", state("T").retry(retrier(List.of("States.ALL"), 1, 0, 2.0)).task(RESOURCE)));
    for (StateMachine m : machines) {
      InMemoryRunner runner = runner(0, true);
      runner.start(m, json("{}"));
      assertThat(runner.tasks().invocations().get(0).nativeRetry()).isNull();
    }
  }

  static StateMachine loop() {
    return machine(
        "Init",
        state("Init")
            .result("{\"i\":0}")
            .assign("{\"started.$\":\"$$.Execution.StartTime\"}")
            .next("Work")
            .pass(),
        state("Work").parameters("{\"i.$\":\"$.i\"}").next("Check").task(RESOURCE),
        state("Check")
            .choice(
                List.of(
                    new io.statecraft.asl.model.choice.Choice(
                        new io.statecraft.asl.model.choice.ChoiceRule.Comparison(
                            io.statecraft.asl.testing.Fakes.path("$.i"),
                            io.statecraft.asl.model.choice.ComparisonOperator.NUMERIC_LESS_THAN,
                            new io.statecraft.asl.model.choice.ChoiceRule.Literal(
                                IntNode.valueOf(5))),
                        "Wait",
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        null)),
                "Done"),
        state("Wait")
            .next("Work")
            .waitFor(new io.statecraft.asl.model.state.WaitState.Seconds(literal("10"))),
        state("Done")
            .parameters("{\"i.$\":\"$.i\",\"started.$\":\"$started\",\"id.$\":\"$$.Execution.Id\"}")
            .pass());
  }

  static InMemoryRunner counting() {
    InMemoryRunner runner = new InMemoryRunner();
    runner
        .tasks()
        .register(
            RESOURCE,
            c -> {
              ObjectNode out = c.input().deepCopy();
              out.put("i", c.input().get("i").asInt() + 1);
              return out;
            });
    return runner;
  }

  @Test
  void continuingAsNewAtEveryStateGivesTheSameHistoryAndOutput() throws Exception {
    InMemoryRunner.Run whole = counting().start(loop(), json("{}"));
    assertThat(whole.outcome()).isInstanceOf(ExecutionOutcome.Succeeded.class);

    InMemoryRunner runner = counting().suspension(next -> true);
    ObjectMapper mapper = new ObjectMapper();
    List<HistoryEvent> events = new ArrayList<>();
    InMemoryRunner.Run run = runner.start(loop(), json("{}"));
    events.addAll(run.history());
    int runs = 1;
    while (run.outcome() instanceof ExecutionOutcome.Suspended s) {
      // The snapshot crosses a Temporal boundary: it must survive JSON.
      Snapshot copy = mapper.readValue(mapper.writeValueAsString(s.snapshot()), Snapshot.class);
      assertThat(copy).isEqualTo(s.snapshot());
      run = runner.resume(loop(), copy);
      events.addAll(run.history());
      runs++;
    }
    assertThat(runs).isGreaterThan(10);
    assertThat(run.outcome()).isEqualTo(whole.outcome());
    assertThat(HistoryShapeTest.shape(events)).isEqualTo(HistoryShapeTest.shape(whole.history()));
    assertThat(events)
        .extracting(HistoryEvent::details)
        .isEqualTo(whole.history().stream().map(HistoryEvent::details).toList());
  }

  @Test
  void branchesRunFromTheirDescriptionsGiveTheSameHistoryAsInProcessBodies() throws Exception {
    Model.MapOptions o = new Model.MapOptions();
    o.maxConcurrency = literal("2");
    o.itemSelector =
        io.statecraft.asl.testing.Fakes.template(
            "{\"v.$\":\"$$.Map.Item.Value\",\"k.$\":\"$key\"}");
    StateMachine m =
        machine(
            "Set",
            state("Set").assign("{\"key\":\"K\"}").next("Fan").pass(),
            state("Fan")
                .next("Items")
                .parallel(
                    graph("A", state("A").task(RESOURCE)),
                    graph("B", state("B").result("\"b\"").pass())),
            state("Items")
                .inputPath("$[0].list")
                .map(
                    inline(
                        graph(
                            "Work",
                            state("Work").next("Inner").task(RESOURCE),
                            state("Inner").parallel(graph("X", state("X").pass())))),
                    o));
    InMemoryRunner inProcess = new InMemoryRunner();
    inProcess.tasks().register(RESOURCE, c -> c.input());
    InMemoryRunner viaSpecs = new InMemoryRunner().branchesViaSpecs();
    viaSpecs.tasks().register(RESOURCE, c -> c.input());
    InMemoryRunner.Run a = inProcess.start(m, json("{\"list\":[1,2,3]}"));
    InMemoryRunner.Run b = viaSpecs.start(m, json("{\"list\":[1,2,3]}"));
    assertThat(a.outcome()).isInstanceOf(ExecutionOutcome.Succeeded.class);
    assertThat(b.outcome()).isEqualTo(a.outcome());
    assertThat(HistoryShapeTest.shape(b.history())).isEqualTo(HistoryShapeTest.shape(a.history()));
    assertThat(viaSpecs.tasks().invocations())
        .extracting(TaskInvocation::invocationId)
        .isEqualTo(
            inProcess.tasks().invocations().stream().map(TaskInvocation::invocationId).toList())
        .contains("Fan[0]/A#1", "Items[2]/Work#1");
  }

  @Test
  void aFailingBranchRunFromItsDescriptionNamesItsEnteredEventAsInTheHistory() {
    // Found by the property tests: a branch run elsewhere numbers its events from 1, and the cause
    // of its failure named the local number ("entered at the event id #1") where the in-process
    // run, and the spliced history, name the branch state's entry in the whole history.
    String parallel =
        """
        {"StartAt": "Fan", "States": {
          "Fan": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "InputPath": "$.nope",
              "End": true}}}]}}}
        """;
    String map =
        """
        {"StartAt": "Items", "States": {
          "Items": {"Type": "Map", "ItemsPath": "$.list", "End": true,
            "ItemProcessor": {"StartAt": "I", "States": {
              "I": {"Type": "Pass", "Next": "J"},
              "J": {"Type": "Pass", "OutputPath": "$.nope", "End": true}}}}}}
        """;
    for (String definition : List.of(parallel, map)) {
      StateMachine m = io.statecraft.asl.Asl.read(definition);
      InMemoryRunner.Run inProcess = new InMemoryRunner().start(m, json("{\"list\": [{}]}"));
      InMemoryRunner.Run viaSpecs =
          new InMemoryRunner().branchesViaSpecs().start(m, json("{\"list\": [{}]}"));
      HistoryEvent entered =
          inProcess.history().stream()
              .filter(e -> "B".equals(e.name()) || "J".equals(e.name()))
              .findFirst()
              .orElseThrow();
      assertThat(((ExecutionOutcome.Failed) inProcess.outcome()).cause())
          .contains("(entered at the event id #" + entered.id() + ").");
      assertThat(viaSpecs.outcome()).isEqualTo(inProcess.outcome());
      assertThat(viaSpecs.history()).isEqualTo(inProcess.history());
    }
  }

  @Test
  void onlyTheEnteredEventIdOfACauseIsRenumbered() {
    java.util.Map<Long, Long> ids = java.util.Map.of(1L, 6L, 2L, 7L);
    String prefix = "An error occurred while executing the state '";
    assertThat(EnteredEventIds.renumber(prefix + "B' (entered at the event id #1). x #2", ids))
        .isEqualTo(prefix + "B' (entered at the event id #6). x #2");
    assertThat(EnteredEventIds.renumber(prefix + "B' (entered at the event id #3).", ids))
        .isEqualTo(prefix + "B' (entered at the event id #3).");
    assertThat(EnteredEventIds.renumber("Custom cause (entered at the event id #1).", ids))
        .isEqualTo("Custom cause (entered at the event id #1).");
    assertThat(EnteredEventIds.renumber(prefix + "B' (entered at the event id #).", ids))
        .isEqualTo(prefix + "B' (entered at the event id #).");
    assertThat(EnteredEventIds.renumber(null, ids)).isNull();
  }
}
