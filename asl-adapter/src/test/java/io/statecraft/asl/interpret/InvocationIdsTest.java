package io.statecraft.asl.interpret;

import static io.statecraft.asl.testing.Fakes.json;
import static io.statecraft.asl.testing.Model.graph;
import static io.statecraft.asl.testing.Model.inline;
import static io.statecraft.asl.testing.Model.machine;
import static io.statecraft.asl.testing.Model.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.testing.Model;
import org.junit.jupiter.api.Test;

class InvocationIdsTest {

  static final String RESOURCE = "arn:aws:states:::lambda:invoke";

  @Test
  void reservedCharactersInNamesArePercentEncoded() {
    assertThat(InvocationIds.escape("Plain Name")).isEqualTo("Plain Name");
    assertThat(InvocationIds.escape("a/b[c]#d@e%f")).isEqualTo("a%2Fb%5Bc%5D%23d%40e%25f");
    assertThat(InvocationIds.scope("", "Each/Item", 3)).isEqualTo("Each%2FItem[3]");
    assertThat(InvocationIds.invocation("Outer[1]/", "Charge", 2, 0))
        .isEqualTo("Outer[1]/Charge#2");
    assertThat(InvocationIds.invocation("", "Charge", 1, 1)).isEqualTo("Charge#1@2");
  }

  @Test
  void visitsCountEntriesIntoAStateAcrossRunsOfItsScope() {
    StateMachine m =
        machine(
            "Each",
            state("Each")
                .next("Again")
                .map(
                    inline(graph("Charge/Card", state("Charge/Card").task(RESOURCE))),
                    new Model.MapOptions()),
            state("Again")
                .inputPath("$$.Execution.Input")
                .map(
                    inline(graph("Charge/Card", state("Charge/Card").task(RESOURCE))),
                    new Model.MapOptions()));
    InMemoryRunner runner = new InMemoryRunner();
    runner.tasks().register(RESOURCE, c -> c.input());
    runner.start(m, json("[1,2]"));
    assertThat(runner.tasks().invocations())
        .extracting(TaskInvocation::invocationId)
        .containsExactly(
            "Each[0]/Charge%2FCard#1",
            "Each[1]/Charge%2FCard#1", "Again[0]/Charge%2FCard#1", "Again[1]/Charge%2FCard#1");
  }

  @Test
  void aRetriedMapRunsItsIterationsAgainUnderNewVisits() {
    StateMachine m =
        machine(
            "Each",
            state("Each")
                .retry(Model.retrier(java.util.List.of("States.ALL"), 1, 1, 1.0))
                .map(inline(graph("T", state("T").task(RESOURCE))), new Model.MapOptions()));
    InMemoryRunner runner = new InMemoryRunner();
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    runner
        .tasks()
        .register(
            RESOURCE,
            c -> {
              if (calls.incrementAndGet() == 1) {
                throw new io.statecraft.asl.error.AslFailure(
                    new io.statecraft.asl.error.AslError("Once", null));
              }
              return c.input();
            });
    runner.start(m, json("[1]"));
    assertThat(runner.tasks().invocations())
        .extracting(TaskInvocation::invocationId)
        .containsExactly("Each[0]/T#1", "Each[0]/T#2");
  }

  @Test
  void visitCountersStayBoundedAfterALargeMap() {
    StateMachine m =
        machine(
            "Each",
            state("Each")
                .next("Done")
                .map(inline(graph("T", state("T").task(RESOURCE))), new Model.MapOptions()),
            state("Done").pass());
    InMemoryRunner runner = new InMemoryRunner().suspension(next -> next.equals("Done"));
    runner.tasks().register(RESOURCE, c -> c.input());
    com.fasterxml.jackson.databind.node.ArrayNode items =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 1000; i++) {
      items.add(i);
    }
    InMemoryRunner.Run run = runner.start(m, items);
    Snapshot snapshot = ((ExecutionOutcome.Suspended) run.outcome()).snapshot();
    assertThat(snapshot.visits()).containsOnlyKeys("Each", "Each[*]");
    assertThat(snapshot.visits()).containsEntry("Each[*]", 1);
  }
}
