package io.statecraft.asl.port;

import java.time.Instant;

/**
 * Where the engine reads the time. Inside a Temporal workflow this is the workflow clock, so that
 * {@code $$.State.EnteredTime}, JSONata's {@code $now()} and Wait deadlines replay identically.
 */
@FunctionalInterface
public interface Clock {
  Instant now();
}
