package io.statecraft.asl.interpret;

/**
 * Port: waits. Wait states and the pauses between interpreted retries go through it, so that inside
 * Temporal they become durable timers labelled with the state they belong to.
 */
public interface Timers {

  /**
   * Blocks until the request's duration has passed on the engine's {@link
   * io.statecraft.asl.port.Clock}.
   */
  void sleep(TimerRequest request);
}
