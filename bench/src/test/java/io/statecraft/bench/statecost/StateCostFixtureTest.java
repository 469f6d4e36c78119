package io.statecraft.bench.statecost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.HistoryEventType;
import io.statecraft.asl.interpret.StateEvaluation;
import io.statecraft.bench.statecost.StateCostFixture.Subject;
import org.junit.jupiter.api.Test;

/** The scenario must measure what it says: these states, succeeding, on this input. */
class StateCostFixtureTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final StateCostFixture fixture = StateCostFixture.load();

  @Test
  void theInputAndTheTaskResultAreAboutOneKibibyte() {
    assertThat(fixture.inputBytes()).isBetween(1000L, 1100L);
    assertThat(fixture.taskResultBytes()).isBetween(1000L, 1100L);
  }

  @Test
  void everySubjectSucceeds() {
    fixture.verify();
    for (Subject s : Subject.values()) {
      assertThat(fixture.evaluate(s).status())
          .as(s.figure())
          .isEqualTo(StateEvaluation.Status.SUCCEEDED);
    }
  }

  @Test
  void thePassStateHandsItsInputOn() {
    StateEvaluation e = fixture.evaluate(Subject.PASS);
    assertThat(e.output()).isEqualTo(fixture.input());
    assertThat(e.events())
        .extracting(HistoryEvent::type)
        .containsExactly(HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited);
  }

  @Test
  void theChoiceEvaluatesEveryRuleAndTakesTheLast() {
    StateEvaluation e = fixture.evaluate(Subject.CHOICE);
    assertThat(e.nextState()).isEqualTo("Ship");
    assertThat(e.output()).isEqualTo(fixture.input());
  }

  @Test
  void theJsonPathTaskRunsItsWholeDataFlow() throws Exception {
    StateEvaluation e = fixture.evaluate(Subject.JSONPATH_TASK);

    JsonNode parameters = scheduledParameters(e);
    assertThat(parameters.get("FunctionName").textValue()).endsWith(":function:ReserveStock");
    assertThat(parameters.get("Payload").size()).isEqualTo(10);
    assertThat(parameters.at("/Payload/customerName").textValue()).isEqualTo("Ada Lovelace");
    assertThat(parameters.at("/Payload/skus").size()).isEqualTo(5);
    assertThat(parameters.at("/Payload/executionId").textValue())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:StateCost:state-cost");
    assertThat(e.output()).isEqualTo(expectedOutput());
    assertThat(e.events())
        .extracting(HistoryEvent::type)
        .containsExactly(
            HistoryEventType.TaskStateEntered,
            HistoryEventType.TaskScheduled,
            HistoryEventType.TaskStarted,
            HistoryEventType.TaskSucceeded,
            HistoryEventType.TaskStateExited);
  }

  @Test
  void theJsonataTaskDoesTheSameWorkAndAssignsTwoVariables() {
    StateEvaluation e = fixture.evaluate(Subject.JSONATA_TASK);

    assertThat(scheduledParameters(e))
        .isEqualTo(scheduledParameters(fixture.evaluate(Subject.JSONPATH_TASK)));
    assertThat(e.output()).isEqualTo(expectedOutput());
    assertThat(e.variables().get("reservationId").textValue()).isEqualTo("res-7d1e0b");
    assertThat(e.variables().get("reservedAt").textValue()).isEqualTo("2024-01-01T00:00:00.000Z");
  }

  @Test
  void evaluatingLeavesTheSharedInputAndResultAlone() {
    JsonNode input = fixture.input().deepCopy();
    JsonNode result = fixture.taskResult().deepCopy();
    for (int i = 0; i < 3; i++) {
      for (Subject s : Subject.values()) {
        fixture.evaluate(s);
      }
      fixture.runPassChain();
    }
    assertThat(fixture.input()).isEqualTo(input);
    assertThat(fixture.taskResult()).isEqualTo(result);
    assertThat(fixture.evaluate(Subject.JSONPATH_TASK).output()).isEqualTo(expectedOutput());
  }

  @Test
  void thePassChainRunsTenStatesAsOneExecution() {
    assertThat(fixture.runPassChain()).isEqualTo(new ExecutionOutcome.Succeeded(fixture.input()));
    assertThat(fixture.machine(Subject.PASS).graph().states()).hasSize(1);
  }

  /** The order with the reservation the ResultSelector (or Output) picks from the result. */
  private JsonNode expectedOutput() {
    var order = fixture.input().get("order").deepCopy();
    var payload = fixture.taskResult().get("Payload");
    var reservation = MAPPER.createObjectNode();
    reservation.set("reservationId", payload.get("reservationId"));
    reservation.set("status", payload.get("status"));
    reservation.set("lines", payload.get("lines"));
    reservation.set("statusCode", fixture.taskResult().get("StatusCode"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) order).set("reservation", reservation);
    return order;
  }

  private static JsonNode scheduledParameters(StateEvaluation e) {
    return e.events().stream()
        .filter(ev -> ev.type() == HistoryEventType.TaskScheduled)
        .findFirst()
        .orElseThrow()
        .details()
        .get("parameters");
  }
}
