package io.statecraft.workflows.ports;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many tasks wait for their callback in this worker process, by state machine: the value of the
 * {@code statecraft_callbacks_waiting} gauge. One per worker factory, shared by its workflows.
 *
 * <p>A wait counts while its workflow is in this worker's cache: it is added when the wait starts
 * (also when a replay reaches it) and removed when it ends or the workflow leaves the cache, so
 * summing the gauge over all workers gives the waits of the whole platform.
 */
public final class CallbackGauge {

  private final ConcurrentMap<String, AtomicLong> waiting = new ConcurrentHashMap<>();

  /** One more wait; returns the new count. */
  long increment(String stateMachine) {
    return waiting.computeIfAbsent(stateMachine, k -> new AtomicLong()).incrementAndGet();
  }

  /** One wait fewer; returns the new count. */
  long decrement(String stateMachine) {
    return waiting.computeIfAbsent(stateMachine, k -> new AtomicLong()).decrementAndGet();
  }

  /** The waits of a state machine now. */
  public long waiting(String stateMachine) {
    AtomicLong count = waiting.get(stateMachine);
    return count == null ? 0 : count.get();
  }
}
