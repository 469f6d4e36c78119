package io.statecraft.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.asl.validate.GraphOutline.StateOutline;
import io.statecraft.asl.validate.GraphOutline.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphCheckerTest {

  private static StateOutline state(String name, boolean terminal, String... targets) {
    return nested(name, terminal, List.of(), targets);
  }

  private static StateOutline nested(
      String name, boolean terminal, List<GraphOutline> children, String... targets) {
    List<Transition> transitions = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      transitions.add(new Transition(targets[i], "/States/" + name + "/Next" + (i == 0 ? "" : i)));
    }
    return new StateOutline(name, "/States/" + name, terminal, transitions, children);
  }

  private static GraphOutline graph(String startAt, StateOutline... states) {
    return new GraphOutline("", startAt, List.of(states));
  }

  @Test
  void aConnectedGraphWithATerminalStateHasNoDiagnostics() {
    assertThat(GraphChecker.check(graph("A", state("A", false, "B"), state("B", true)))).isEmpty();
  }

  @Test
  void reportsAMissingTargetAtTheFieldThatNamesIt() {
    List<Diagnostic> found =
        GraphChecker.check(graph("A", state("A", false, "Nope"), state("B", true, "A")));
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "Missing 'Next' target: Nope",
                "/States/A/Next"),
            tuple(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "State \"B\" is not reachable.",
                "/States/B"));
  }

  @Test
  void reportsAStartAtThatNamesNoStateLikeAMissingNext() {
    List<Diagnostic> found = GraphChecker.check(graph("Nope", state("A", true)));
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "Missing 'Next' target: Nope",
                "/StartAt"),
            tuple(
                DiagnosticCode.MISSING_TRANSITION_TARGET,
                "State \"A\" is not reachable.",
                "/States/A"));
  }

  @Test
  void aGraphWithoutTerminalStateGetsOneLocationlessErrorAndNoReachabilityDiagnostics() {
    List<Diagnostic> found =
        GraphChecker.check(
            graph("A", state("A", false, "B"), state("B", false, "A"), state("C", false, "A")));
    assertThat(found)
        .extracting(
            Diagnostic::severity, Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(
                Severity.ERROR,
                DiagnosticCode.MISSING_END_STATE,
                "Workflow has no terminal state",
                null));
  }

  @Test
  void aMissingTargetComesBeforeTheMissingEndState() {
    List<Diagnostic> found = GraphChecker.check(graph("A", state("A", false, "Nope")));
    assertThat(found)
        .extracting(Diagnostic::code)
        .containsExactly(
            DiagnosticCode.MISSING_TRANSITION_TARGET, DiagnosticCode.MISSING_END_STATE);
  }

  @Test
  void anUnreachableTerminalStateIsReportedAsUnreachableNotAsMissingEnd() {
    List<Diagnostic> found =
        GraphChecker.check(
            graph("A", state("A", false, "B"), state("B", false, "A"), state("C", true)));
    assertThat(found)
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/C"));
  }

  @Test
  void warnsAboutALoopThatOnlyNamesItselfAndIsNeverEntered() {
    List<Diagnostic> found =
        GraphChecker.check(
            graph("A", state("A", true), state("B", false, "C"), state("C", false, "B")));
    assertThat(found).allMatch(d -> d.severity() == Severity.WARNING);
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/B"),
            tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/C"));
  }

  @Test
  void warnsAboutStatesFromWhichNoTerminalStateCanBeReached() {
    // A choice that either ends or enters a loop with no way out.
    List<Diagnostic> found =
        GraphChecker.check(
            graph(
                "Decide",
                state("Decide", false, "Done", "Spin"),
                state("Spin", false, "Wait"),
                state("Wait", false, "Spin"),
                state("Done", true)));
    assertThat(found)
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::location)
        .containsExactly(
            tuple(Severity.WARNING, DiagnosticCode.MISSING_END_STATE, "/States/Spin"),
            tuple(Severity.WARNING, DiagnosticCode.MISSING_END_STATE, "/States/Wait"));
  }

  @Test
  void aSelfLoopDoesNotMakeAStateReachable() {
    List<Diagnostic> found =
        GraphChecker.check(graph("A", state("A", true), state("B", false, "B", "A")));
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/B"));
  }

  @Test
  void stateNamesAreUniqueAcrossNestedGraphs() {
    GraphOutline branch =
        new GraphOutline(
            "/States/P/Branches/0",
            "A",
            List.of(
                new StateOutline(
                    "A", "/States/P/Branches/0/States/A", true, List.of(), List.of())));
    List<Diagnostic> found =
        GraphChecker.check(graph("A", state("A", false, "P"), nested("P", true, List.of(branch))));
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::message, Diagnostic::location)
        .containsExactly(
            tuple(
                DiagnosticCode.DUPLICATE_STATE_NAME,
                "Duplicate State name: A",
                "/States/P/Branches/0/States/A"));
  }

  @Test
  void aTransitionCannotLeaveItsBranchAndTheMessageSaysWhy() {
    GraphOutline branch =
        new GraphOutline(
            "/States/P/Branches/0",
            "B",
            List.of(
                new StateOutline(
                    "B",
                    "/States/P/Branches/0/States/B",
                    true,
                    List.of(new Transition("Done", "/States/P/Branches/0/States/B/Next")),
                    List.of())));
    List<Diagnostic> found =
        GraphChecker.check(
            graph("P", nested("P", false, List.of(branch), "Done"), state("Done", true)));
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/P/Branches/0/States/B/Next"));
    assertThat(found.get(0).message())
        .startsWith("Missing 'Next' target: Done")
        .contains("cannot leave its Parallel branch or Map item processor");
  }

  @Test
  void aNestedGraphWithoutTerminalStateIsReportedAtTheNestedGraph() {
    GraphOutline branch =
        new GraphOutline(
            "/States/P/Branches/0",
            "B",
            List.of(
                new StateOutline(
                    "B",
                    "/States/P/Branches/0/States/B",
                    false,
                    List.of(new Transition("B", "/States/P/Branches/0/States/B/Next")),
                    List.of())));
    List<Diagnostic> found = GraphChecker.check(graph("P", nested("P", true, List.of(branch))));
    assertThat(found)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(DiagnosticCode.MISSING_END_STATE, "/States/P/Branches/0"));
  }
}
