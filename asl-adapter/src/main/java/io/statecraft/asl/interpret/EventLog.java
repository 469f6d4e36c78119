package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.dataflow.Timestamps;
import io.statecraft.asl.port.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers events and hands them to the observer. One per run of the core. */
final class EventLog {

  private final Observer observer;
  private final Clock clock;
  private long nextId;

  EventLog(Observer observer, Clock clock, long nextId) {
    this.observer = observer;
    this.clock = clock;
    this.nextId = nextId;
  }

  long nextId() {
    return nextId;
  }

  /**
   * Publishes an event following {@code cursor}; when {@code becomesSource}, the events after it on
   * this line follow from it.
   */
  long publish(Cursor cursor, HistoryEventType type, ObjectNode details, boolean becomesSource) {
    return publishAfter(cursor, cursor.source, type, details, becomesSource);
  }

  /** Publishes an event whose {@code previousEventId} is {@code previous}. */
  long publishAfter(
      Cursor cursor,
      long previous,
      HistoryEventType type,
      ObjectNode details,
      boolean becomesSource) {
    long id = nextId++;
    observer.onEvent(new HistoryEvent(id, previous, type, Timestamps.format(clock.now()), details));
    cursor.lastPublished = id;
    if (becomesSource) {
      cursor.source = id;
    }
    return id;
  }

  /**
   * Splices the events of a branch that ran elsewhere onto {@code cursor}'s line: renumbers them
   * after the events published so far, maps a {@code previousEventId} of 0 to where the line
   * stands, and moves the line to the branch's end.
   *
   * @return the branch's event ids mapped to their new ids
   */
  Map<Long, Long> splice(List<HistoryEvent> events, long eventSource, Cursor cursor) {
    if (events.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> ids = new HashMap<>();
    long base = cursor.source;
    List<HistoryEvent> renumbered = new ArrayList<>(events.size());
    for (HistoryEvent e : events) {
      long id = nextId++;
      ids.put(e.id(), id);
      long previous = e.previousEventId() == 0 ? base : ids.getOrDefault(e.previousEventId(), base);
      renumbered.add(renumberCause(e.renumbered(id, previous), ids));
    }
    renumbered.forEach(observer::onEvent);
    cursor.source = eventSource == 0 ? base : ids.getOrDefault(eventSource, base);
    cursor.lastPublished = renumbered.get(renumbered.size() - 1).id();
    return ids;
  }

  /** An event whose cause names an event of the branch, renumbered as the branch's events are. */
  private static HistoryEvent renumberCause(HistoryEvent e, Map<Long, Long> ids) {
    String cause = e.cause();
    String renumbered = EnteredEventIds.renumber(cause, ids);
    if (renumbered == null || renumbered.equals(cause)) {
      return e;
    }
    ObjectNode details = e.details().deepCopy();
    details.put("cause", renumbered);
    return new HistoryEvent(e.id(), e.previousEventId(), e.type(), e.timestamp(), details);
  }
}
