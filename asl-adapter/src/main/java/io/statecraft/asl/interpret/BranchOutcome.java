package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.statecraft.asl.dataflow.ExactJson;
import java.util.List;
import java.util.Objects;

/**
 * How one branch or iteration ended.
 *
 * <p>An in-process body publishes its events to the parent's history as it runs, so its outcome
 * carries none. A branch run elsewhere with {@link Interpreter#runBranch} numbers its own events
 * from 1, with {@code previousEventId} 0 meaning "the event the branch started from", and returns
 * them here with {@code eventSource} (the id its last counted event had); the parent splices them
 * into its history. {@code maxVisit} returns the highest visit number the branch used.
 *
 * @param status how it ended
 * @param output the output, when it succeeded
 * @param error the error name, when it failed
 * @param cause the cause, when it failed (may be {@code null})
 * @param events the events of a branch run elsewhere, else empty
 * @param eventSource the local id of the event the branch's history ends at, for splicing
 * @param maxVisit the highest visit number used inside the branch, or 0
 */
public record BranchOutcome(
    Status status,
    @JsonDeserialize(using = ExactJson.class) JsonNode output,
    String error,
    String cause,
    List<HistoryEvent> events,
    long eventSource,
    int maxVisit) {

  /** The end of a branch. */
  public enum Status {
    SUCCEEDED,
    FAILED,
    /** Not started, or stopped because the fan-out failed. */
    CANCELLED
  }

  public BranchOutcome {
    Objects.requireNonNull(status, "status");
    events = List.copyOf(events);
  }

  public static BranchOutcome cancelled() {
    return new BranchOutcome(Status.CANCELLED, null, null, null, List.of(), 0, 0);
  }
}
