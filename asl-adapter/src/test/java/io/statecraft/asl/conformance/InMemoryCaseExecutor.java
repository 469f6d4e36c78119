package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Asl;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.ExecutionStart;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.validate.InvalidDefinitionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a case through the in-memory engine: the definition read by {@link Asl#read}, tasks answered
 * from the case's {@link TaskScript}s, waits on a virtual clock, a fixed execution identity.
 */
public final class InMemoryCaseExecutor implements CaseExecutor {

  /** The state machine and execution names every case runs under. */
  public static final String STATE_MACHINE_NAME = "ConformanceStateMachine";

  public static final String EXECUTION_NAME = "conformance-execution";

  @Override
  public ActualRun execute(ConformanceCase c) {
    StateMachine machine;
    try {
      machine = Asl.read(c.definition());
    } catch (InvalidDefinitionException e) {
      return ActualRun.notRun("the definition was rejected: " + e.getMessage());
    }
    InMemoryRunner runner = new InMemoryRunner();
    for (Map.Entry<String, TaskScript> e : TaskScript.of(c).entrySet()) {
      TaskScript script = e.getValue();
      runner
          .tasks()
          .register(
              e.getKey(),
              call -> {
                TaskScript.Answer answer = script.next();
                if (answer.sleepSeconds() > 0) {
                  call.sleep(Duration.ofSeconds(answer.sleepSeconds()));
                }
                if (answer.fails()) {
                  throw new AslFailure(new AslError(answer.error(), answer.cause()));
                }
                return answer.output() == null ? call.input() : answer.output();
              });
    }
    ExecutionStart start =
        InMemoryRunner.executionStart(
            STATE_MACHINE_NAME, EXECUTION_NAME, c.input(), runner.clock().now());
    InMemoryRunner.Run run = runner.start(machine, start);
    List<JsonNode> history = new ArrayList<>();
    for (HistoryEvent e : run.history()) {
      history.add(e.toAwsJson());
    }
    return switch (run.outcome()) {
      case ExecutionOutcome.Succeeded s ->
          new ActualRun("SUCCEEDED", s.output(), null, null, history);
      case ExecutionOutcome.Failed f ->
          new ActualRun("FAILED", null, f.error(), f.cause(), history);
      case ExecutionOutcome.TimedOut t ->
          new ActualRun("TIMED_OUT", null, t.error(), t.cause(), history);
      case ExecutionOutcome.Aborted a ->
          new ActualRun("ABORTED", null, a.error(), a.cause(), history);
      case ExecutionOutcome.Suspended s ->
          ActualRun.notRun("the run suspended though nothing asked it to");
    };
  }
}
