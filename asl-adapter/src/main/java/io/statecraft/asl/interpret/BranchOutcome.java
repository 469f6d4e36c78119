package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How one branch or iteration ended.
 *
 * <p>An in-process body publishes its events to the parent's history as it runs, so its outcome
 * carries none. A branch run elsewhere with {@link Interpreter#runBranch} numbers its own events
 * from 1, with {@code previousEventId} 0 meaning "the event the branch started from", and returns
 * them here with {@code eventSource} (the id its last counted event had); the parent splices them
 * into its history. {@code visits} returns the updated visit counters of the branch's scope.
 *
 * @param status how it ended
 * @param output the output, when it succeeded
 * @param error the error name, when it failed
 * @param cause the cause, when it failed (may be {@code null})
 * @param events the events of a branch run elsewhere, else empty
 * @param eventSource the local id of the event the branch's history ends at, for splicing
 * @param visits the visit counters of the branch's scope after it ran
 */
public record BranchOutcome(
    Status status,
    JsonNode output,
    String error,
    String cause,
    List<HistoryEvent> events,
    long eventSource,
    Map<String, Integer> visits) {

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
    visits = Collections.unmodifiableMap(new TreeMap<>(visits));
  }

  public static BranchOutcome cancelled() {
    return new BranchOutcome(Status.CANCELLED, null, null, null, List.of(), 0, Map.of());
  }
}
