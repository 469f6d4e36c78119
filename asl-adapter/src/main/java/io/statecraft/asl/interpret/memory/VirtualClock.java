package io.statecraft.asl.interpret.memory;

import io.statecraft.asl.interpret.TimerRequest;
import io.statecraft.asl.interpret.Timers;
import io.statecraft.asl.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A clock that only moves when something waits on it: Wait states and retry pauses take no real
 * time. Also the engine's {@link Timers}; it keeps every wait it served, in order.
 */
public final class VirtualClock implements Clock, Timers {

  private Instant now;
  private final List<TimerRequest> waits = new ArrayList<>();

  public VirtualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleep(TimerRequest request) {
    waits.add(request);
    advance(request.duration());
  }

  /** Moves the clock forward. */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock cannot go back: " + duration);
    }
    now = now.plus(duration);
  }

  /** The waits served so far, oldest first. */
  public synchronized List<TimerRequest> waits() {
    return Collections.unmodifiableList(new ArrayList<>(waits));
  }
}
