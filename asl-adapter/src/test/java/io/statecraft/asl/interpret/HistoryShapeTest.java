package io.statecraft.asl.interpret;

import static io.statecraft.asl.testing.Fakes.json;
import static io.statecraft.asl.testing.Model.graph;
import static io.statecraft.asl.testing.Model.inline;
import static io.statecraft.asl.testing.Model.literal;
import static io.statecraft.asl.testing.Model.machine;
import static io.statecraft.asl.testing.Model.retrier;
import static io.statecraft.asl.testing.Model.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.testing.Model;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core numbers history events exactly as the AWS recordings in the conformance corpus do. */
class HistoryShapeTest {

  static String shape(List<HistoryEvent> events) {
    return events.stream()
        .map(
            e ->
                e.type()
                    + (e.index() == null ? "" : "[" + e.index() + "]")
                    + ":"
                    + e.id()
                    + "<"
                    + e.previousEventId())
        .collect(Collectors.joining(" "));
  }

  @Test
  void inlineMapIterationsChainOnOneLaneAndTheLastSuccessIsWhatTheStateContinuesFrom() {
    Model.MapOptions o = new Model.MapOptions();
    o.maxConcurrency = literal("1");
    StateMachine m =
        machine(
            "Start",
            state("Start").result("[1, 2]").resultPath("$.arr").next("Map").pass(),
            state("Map")
                .inputPath("$.arr")
                .resultPath(null)
                .next("Final")
                .map(inline(graph("Item", state("Item").pass())), o),
            state("Final").pass());
    InMemoryRunner.Run run = new InMemoryRunner().start(m, json("{}"));
    assertThat(shape(run.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 PassStateEntered:2<0 PassStateExited:3<2 MapStateEntered:4<3"
                + " MapStateStarted:5<4 MapIterationStarted[0]:6<5 PassStateEntered:7<6"
                + " PassStateExited:8<7 MapIterationSucceeded[0]:9<8 MapIterationStarted[1]:10<8"
                + " PassStateEntered:11<10 PassStateExited:12<11 MapIterationSucceeded[1]:13<12"
                + " MapStateSucceeded:14<13 MapStateExited:15<13 PassStateEntered:16<15"
                + " PassStateExited:17<16 ExecutionSucceeded:18<17");
    assertThat(run.outcome()).isEqualTo(new ExecutionOutcome.Succeeded(json("{\"arr\":[1,2]}")));
  }

  @Test
  void retriedMapStateStartsAgainFromTheFailedIterationAndFailsOnce() {
    Model.MapOptions o = new Model.MapOptions();
    o.maxConcurrency = literal("1");
    StateMachine m =
        machine(
            "Map",
            state("Map")
                .retry(retrier(List.of("Boom"), 1, 2, 1.0))
                .map(
                    inline(
                        graph("Fail", state("Fail").fail(literal("\"Boom\""), literal("\"why\"")))),
                    o));
    InMemoryRunner.Run run = new InMemoryRunner().start(m, json("[1]"));
    assertThat(shape(run.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 MapStateEntered:2<0 MapStateStarted:3<2"
                + " MapIterationStarted[0]:4<3 FailStateEntered:5<4 MapIterationFailed[0]:6<5"
                + " MapStateStarted:7<5 MapIterationStarted[0]:8<7 FailStateEntered:9<8"
                + " MapIterationFailed[0]:10<9 MapStateStarted:11<9 MapIterationStarted[0]:12<11"
                + " FailStateEntered:13<12 MapIterationFailed[0]:14<13 MapStateFailed:15<13"
                + " ExecutionFailed:16<15");
    assertThat(run.outcome()).isEqualTo(new ExecutionOutcome.Failed("Boom", "why"));
  }

  @Test
  void parallelBranchFailureFailsTheStateAfterItsRetries() {
    StateMachine m =
        machine(
            "P",
            state("P")
                .retry(retrier(List.of("X"), 1, 1, 2.0))
                .parallel(graph("F", state("F").fail(literal("\"X\""), null))));
    InMemoryRunner.Run run = new InMemoryRunner().start(m, json("{}"));
    assertThat(shape(run.history()))
        .isEqualTo(
            "ExecutionStarted:1<0 ParallelStateEntered:2<0 ParallelStateStarted:3<2"
                + " FailStateEntered:4<3 ParallelStateStarted:5<4 FailStateEntered:6<5"
                + " ParallelStateFailed:7<6 ExecutionFailed:8<7");
    assertThat(run.history().get(7).error()).isEqualTo("X");
  }
}
