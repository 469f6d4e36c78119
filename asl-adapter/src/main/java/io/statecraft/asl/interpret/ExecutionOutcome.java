package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** How a run of the core ended. */
public sealed interface ExecutionOutcome
    permits ExecutionOutcome.Succeeded,
        ExecutionOutcome.Failed,
        ExecutionOutcome.TimedOut,
        ExecutionOutcome.Aborted,
        ExecutionOutcome.Suspended {

  /** The execution succeeded with this output. */
  record Succeeded(JsonNode output) implements ExecutionOutcome {
    public Succeeded {
      Objects.requireNonNull(output, "output");
    }
  }

  /** The execution failed; either may be {@code null} when AWS reports none. */
  record Failed(String error, String cause) implements ExecutionOutcome {}

  /** The execution ran past its {@code TimeoutSeconds}. */
  record TimedOut(String error, String cause) implements ExecutionOutcome {}

  /** The execution was stopped from outside (see {@link ExecutionAborted}). */
  record Aborted(String error, String cause) implements ExecutionOutcome {}

  /** The run stopped at a state boundary; {@link Interpreter#resume} continues it. */
  record Suspended(Snapshot snapshot) implements ExecutionOutcome {
    public Suspended {
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }
}
