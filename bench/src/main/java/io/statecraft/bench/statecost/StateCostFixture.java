package io.statecraft.bench.statecost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.Asl;
import io.statecraft.asl.dataflow.Payloads;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.ExecutionStart;
import io.statecraft.asl.interpret.Interpreter;
import io.statecraft.asl.interpret.Observer;
import io.statecraft.asl.interpret.Ports;
import io.statecraft.asl.interpret.StateEvaluation;
import io.statecraft.asl.interpret.Suspension;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import io.statecraft.asl.interpret.memory.SeededEntropy;
import io.statecraft.asl.interpret.memory.SequentialBranches;
import io.statecraft.asl.interpret.memory.VirtualClock;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.model.state.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The states, input and ports the {@code state_cost} scenario measures, read from the resources
 * under {@code state_cost/}. Shared by the JMH benchmark and by the tests that check it measures
 * what it says (every state succeeds, with the expected output).
 */
public final class StateCostFixture {

  /** The states measured on their own. */
  public enum Subject {
    PASS("pass", "pass.asl.json"),
    CHOICE("choice", "choice.asl.json"),
    JSONPATH_TASK("jsonpath_task", "jsonpath-task.asl.json"),
    JSONATA_TASK("jsonata_task", "jsonata-task.asl.json");

    private final String figure;
    private final String resource;

    Subject(String figure, String resource) {
      this.figure = figure;
      this.resource = resource;
    }

    /** The subject's part of the figure names: {@code state_cost.<figure>.us_per_state}. */
    public String figure() {
      return figure;
    }

    /** The definition's resource under {@code state_cost/}. */
    public String resource() {
      return resource;
    }
  }

  /** How many Pass states the whole-execution chain runs. */
  public static final int CHAIN_LENGTH = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode input;
  private final JsonNode taskResult;
  private final Map<Subject, StateMachine> machines = new EnumMap<>(Subject.class);
  private final Map<Subject, State> states = new EnumMap<>(Subject.class);
  private final StateMachine passChain;
  private final Interpreter interpreter;
  private final ExecutionStart start;
  private final InMemoryRunner chainRunner = new InMemoryRunner();

  private StateCostFixture() {
    input = json("input.json");
    taskResult = json("task-result.json");
    for (Subject s : Subject.values()) {
      StateMachine machine = Asl.read(text(s.resource()));
      machines.put(s, machine);
      states.put(s, machine.graph().start());
    }
    passChain = Asl.read(text("pass-chain.asl.json"));
    VirtualClock clock = new VirtualClock(InMemoryRunner.DEFAULT_START);
    interpreter =
        new Interpreter(
            new Ports(
                new FixedResultTasks(taskResult),
                clock,
                SequentialBranches.inProcess(),
                Observer.NONE,
                clock,
                new SeededEntropy(0),
                Suspension.NEVER));
    start =
        InMemoryRunner.executionStart(
            "StateCost", "state-cost", input, InMemoryRunner.DEFAULT_START);
  }

  /** Reads the definitions and data. */
  public static StateCostFixture load() {
    return new StateCostFixture();
  }

  /**
   * Evaluates one subject's state on the input, as TestState does: the core's whole work for one
   * state, stopping before the next.
   */
  public StateEvaluation evaluate(Subject subject) {
    return interpreter.evaluateState(states.get(subject), input, Map.of(), start);
  }

  /** Runs the ten-Pass-state machine as one whole execution. */
  public ExecutionOutcome runPassChain() {
    return chainRunner.start(passChain, start).outcome();
  }

  /** The state input every subject gets. */
  public JsonNode input() {
    return input;
  }

  /** What the task returns. */
  public JsonNode taskResult() {
    return taskResult;
  }

  /** The machine a subject's state is read from. */
  public StateMachine machine(Subject subject) {
    return machines.get(subject);
  }

  /** The compact UTF-8 size of the input. */
  public long inputBytes() {
    return Payloads.sizeInBytes(input);
  }

  /** The compact UTF-8 size of the task's result. */
  public long taskResultBytes() {
    return Payloads.sizeInBytes(taskResult);
  }

  /**
   * Fails unless every subject does what it is there to measure: succeeds, and (for the Choice)
   * takes the last rule. A benchmark of a failing state would measure its error path.
   */
  public void verify() {
    for (Subject s : Subject.values()) {
      StateEvaluation e = evaluate(s);
      if (e.status() != StateEvaluation.Status.SUCCEEDED) {
        throw new IllegalStateException(
            "the state_cost subject "
                + s.figure()
                + " did not succeed: "
                + e.status()
                + " "
                + e.error()
                + ": "
                + e.cause());
      }
    }
    String next = evaluate(Subject.CHOICE).nextState();
    if (!"Ship".equals(next)) {
      throw new IllegalStateException(
          "the state_cost Choice should take its last rule (Ship), but went to " + next);
    }
    if (!(runPassChain() instanceof ExecutionOutcome.Succeeded)) {
      throw new IllegalStateException("the state_cost Pass chain did not succeed");
    }
  }

  private static JsonNode json(String name) {
    try {
      return JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException("state_cost/" + name + " is not JSON", e);
    }
  }

  private static String text(String name) {
    String path = "/state_cost/" + name;
    try (InputStream in = StateCostFixture.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
