package io.statecraft.asl.read;

import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.validate.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a definition produced: every diagnostic found, and the state machine when there is
 * no error among them.
 */
public record ReadResult(Optional<StateMachine> stateMachine, List<Diagnostic> diagnostics) {

  public ReadResult {
    Objects.requireNonNull(stateMachine, "stateMachine");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
