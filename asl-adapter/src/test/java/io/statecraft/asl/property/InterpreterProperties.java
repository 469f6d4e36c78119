package io.statecraft.asl.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.read.AslReader;
import io.statecraft.asl.read.ReadResult;
import io.statecraft.asl.validate.ValidationOptions;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The in-memory interpreter running any readable definition on any input: it ends in a defined
 * outcome (succeeded, failed or timed out) within its budget and never throws; the history is well
 * formed; the same seed gives the same outcome and the same history; the input is never mutated.
 */
class InterpreterProperties {

  /** No run may record more events than this: the budget must bind long before. */
  private static final int MAX_EVENTS = 200_000;

  @Property(tries = 1200, seed = "7321", edgeCases = EdgeCasesMode.NONE, maxDiscardRatio = 10)
  void everyReadableDefinitionRunsToADefinedOutcomeDeterministically(
      @ForAll("machines") ObjectNode definition,
      @ForAll("inputs") JsonNode input,
      @ForAll long seed) {
    StateMachine machine = readable(definition);
    try {
      java.nio.file.Files.write(
          java.nio.file.Path.of("/tmp/last-case.txt"),
          (definition + "\n" + input + "\n" + seed)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
    JsonNode before = input.deepCopy();

    Runs.Run first = Runs.run(machine, input, seed);
    assertThat(input).as("the run leaves its input alone").isEqualTo(before);
    Runs.Run second = Runs.run(machine, input, seed);

    assertThat(first.outcome())
        .isInstanceOfAny(
            ExecutionOutcome.Succeeded.class,
            ExecutionOutcome.Failed.class,
            ExecutionOutcome.TimedOut.class);
    if (first.outcome() instanceof ExecutionOutcome.Succeeded s) {
      assertThat(s.output().isMissingNode()).as("an output is a JSON value").isFalse();
    }
    checkHistory(first.history());
    assertThat(second.outcome()).as("same seed, same outcome").isEqualTo(first.outcome());
    assertThat(second.history()).as("same seed, same history").isEqualTo(first.history());

    Statistics.label("outcome").collect(first.outcome().getClass().getSimpleName());
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("Succeeded").percentage(p -> p > 12);
              c.check("Failed").percentage(p -> p > 12);
              c.check("TimedOut").percentage(p -> p > 2);
            });
    Statistics.label("events")
        .collect(
            first.history().size() < 20 ? "<20" : first.history().size() < 200 ? "<200" : ">=200");
  }

  @Property(tries = 300, seed = "7322", edgeCases = EdgeCasesMode.NONE, maxDiscardRatio = 10)
  void continuingAsNewBeforeEveryStateChangesNothing(
      @ForAll("machines") ObjectNode definition,
      @ForAll("inputs") JsonNode input,
      @ForAll long seed) {
    StateMachine machine = readable(definition);
    Runs.Run whole = Runs.run(machine, input, seed);
    Runs.Run pieces =
        Runs.run(machine, input, seed, new Runs.Mode(Runs.Budget.TICKING_CLOCK, true, false, true));
    assertThat(Canonical.outcome(pieces.outcome())).isEqualTo(Canonical.outcome(whole.outcome()));
    assertThat(Canonical.history(pieces.history())).isEqualTo(Canonical.history(whole.history()));
    Statistics.label("runs").collect(pieces.runs() == 1 ? "1" : pieces.runs() < 5 ? "2-4" : "5+");
  }

  @Property(tries = 300, seed = "7323", edgeCases = EdgeCasesMode.NONE, maxDiscardRatio = 10)
  void branchesRunFromTheirDescriptionsAsInProcess(
      @ForAll("machines") ObjectNode definition,
      @ForAll("inputs") JsonNode input,
      @ForAll long seed) {
    StateMachine machine = readable(definition);
    Runs.Run inProcess = Runs.run(machine, input, seed);
    Runs.Run viaSpecs =
        Runs.run(machine, input, seed, new Runs.Mode(Runs.Budget.TICKING_CLOCK, true, true, false));
    assertThat(Canonical.outcome(viaSpecs.outcome()))
        .isEqualTo(Canonical.outcome(inProcess.outcome()));
    // Known limitation: a branch run elsewhere that reaches the execution's deadline has no
    // outcome to carry its events in (BranchOutcome has no timed-out status), so they are missing
    // from the parent's history; everything else must match event for event.
    if (!(inProcess.outcome() instanceof ExecutionOutcome.TimedOut)) {
      assertThat(Canonical.history(viaSpecs.history()))
          .isEqualTo(Canonical.history(inProcess.history()));
    }
    assertThat(viaSpecs.attempts()).isEqualTo(inProcess.attempts());
  }

  @Property(tries = 300, seed = "7324", edgeCases = EdgeCasesMode.NONE, maxDiscardRatio = 10)
  void nativeAndInterpretedRetriesAgree(
      @ForAll("machines") ObjectNode definition,
      @ForAll("inputs") JsonNode input,
      @ForAll long seed) {
    // The events budget stops a run by its own history, and a Distributed Map's child runs keep
    // histories of their own: a loop inside one would never reach the budget.
    Assume.that(!definition.toString().contains("\"DISTRIBUTED\""));
    StateMachine machine = readable(definition);
    Runs.Run nativeRetries =
        Runs.run(machine, input, seed, new Runs.Mode(Runs.Budget.EVENTS, true, false, false));
    Runs.Run interpreted =
        Runs.run(machine, input, seed, new Runs.Mode(Runs.Budget.EVENTS, false, false, false));
    // The budget counts events, and interpreted retries record more of them.
    Assume.that(
        !(nativeRetries.outcome() instanceof ExecutionOutcome.Aborted)
            && !(interpreted.outcome() instanceof ExecutionOutcome.Aborted));
    assertThat(Canonical.outcome(nativeRetries.outcome()))
        .isEqualTo(Canonical.outcome(interpreted.outcome()));
    assertThat(nativeRetries.attempts()).hasSameSizeAs(interpreted.attempts());
    assertThat(nativeRetries.end()).as("time spent").isEqualTo(interpreted.end());
  }

  private static StateMachine readable(ObjectNode definition) {
    ReadResult read = AslReader.read(definition.toString(), ValidationOptions.DEFAULTS);
    Assume.that(read.stateMachine().isPresent());
    return read.stateMachine().get();
  }

  @Provide
  Arbitrary<ObjectNode> machines() {
    return Gen.frequency(
        Gen.w(4, DefinitionArbitraries.definitions()),
        Gen.w(1, DefinitionArbitraries.mutatedDefinitions()));
  }

  @Provide
  Arbitrary<JsonNode> inputs() {
    return JsonArbitraries.inputs();
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /** Numbered from 1 without gaps, each following an earlier event, bracketed by the execution. */
  static void checkHistory(List<HistoryEvent> history) {
    assertThat(history).isNotEmpty().hasSizeLessThan(MAX_EVENTS);
    assertThat(history.get(0).type()).isEqualTo(HistoryEventType.ExecutionStarted);
    assertThat(history.get(history.size() - 1).type())
        .isIn(
            HistoryEventType.ExecutionSucceeded,
            HistoryEventType.ExecutionFailed,
            HistoryEventType.ExecutionTimedOut);
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent e = history.get(i);
      assertThat(e.id()).as("event %s", e).isEqualTo(i + 1);
      assertThat(e.previousEventId()).as("event %s", e).isBetween(0L, e.id() - 1);
      assertThat(e.timestamp()).as("event %s", e).isNotNull();
    }
  }
}
