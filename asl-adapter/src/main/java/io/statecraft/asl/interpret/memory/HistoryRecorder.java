package io.statecraft.asl.interpret.memory;

import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.asl.interpret.Observer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the history events of an execution, in the order they happen. */
public final class HistoryRecorder implements Observer {

  private final List<HistoryEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(HistoryEvent event) {
    events.add(event);
  }

  /** The events so far. */
  public synchronized List<HistoryEvent> events() {
    return Collections.unmodifiableList(new ArrayList<>(events));
  }
}
