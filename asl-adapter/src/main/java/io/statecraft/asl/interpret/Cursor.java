package io.statecraft.asl.interpret;

/**
 * Where a line of events stands: the event the next one follows from ({@code source}) and the last
 * event published on this line ({@code lastPublished}).
 *
 * <p>AWS's {@code previousEventId} is not simply the event before: every branch and iteration runs
 * on a line of its own, forked from its state's line, and some events (such as {@code
 * MapIterationSucceeded} or {@code MapStateSucceeded}) are published without becoming the source of
 * what follows. When lines join again, the state continues from the furthest of them.
 */
final class Cursor {

  long source;
  long lastPublished;

  Cursor(long source) {
    this.source = source;
    this.lastPublished = source;
  }

  Cursor(long source, long lastPublished) {
    this.source = source;
    this.lastPublished = lastPublished;
  }

  /** A new line starting where this one stands. */
  Cursor fork() {
    return new Cursor(source, lastPublished);
  }

  /** Joins a line back: this one continues from the furthest point of both. */
  void integrate(Cursor other) {
    source = Math.max(source, other.source);
    lastPublished = Math.max(lastPublished, other.lastPublished);
  }
}
