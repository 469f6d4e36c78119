package io.statecraft.asl.interpret;

/**
 * Port: receives every history event as it happens, already numbered. The core numbers events
 * itself, because AWS's error causes quote those numbers ("entered at the event id #N").
 */
@FunctionalInterface
public interface Observer {

  Observer NONE = event -> {};

  void onEvent(HistoryEvent event);
}
