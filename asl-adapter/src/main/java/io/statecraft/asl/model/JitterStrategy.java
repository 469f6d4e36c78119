package io.statecraft.asl.model;

/** A retrier's {@code JitterStrategy}. */
public enum JitterStrategy {
  /** No jitter: the delay is exactly the backoff interval (the default). */
  NONE,
  /** Full jitter: the delay is random between zero and the backoff interval. */
  FULL
}
