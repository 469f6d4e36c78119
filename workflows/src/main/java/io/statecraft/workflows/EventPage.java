package io.statecraft.workflows;

import io.statecraft.asl.interpret.HistoryEvent;
import java.util.List;

/**
 * A page of the history events one run recorded, the answer of {@link ExecutionWorkflow#events}.
 * Each event renders as {@code GetExecutionHistory} returns it with {@link
 * HistoryEvent#toAwsJson()}.
 *
 * @param events the events, oldest first
 * @param runId the run that recorded them
 * @param previousRunId the run before it, or {@code null} for the first run
 * @param firstEventId the id of the first event the run recorded
 * @param lastEventId the id of the last event the run recorded so far
 * @param runClosed whether the run has ended (completed, failed, cancelled or continued as new), so
 *     that {@code lastEventId} is final
 */
public record EventPage(
    List<HistoryEvent> events,
    String runId,
    String previousRunId,
    long firstEventId,
    long lastEventId,
    boolean runClosed) {

  public EventPage {
    events = List.copyOf(events);
  }
}
