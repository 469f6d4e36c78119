package io.statecraft.asl.interpret;

/** What a {@link FanOut} runs. */
public enum FanOutKind {
  /** The branches of a Parallel state; their events belong to the parent's history. */
  PARALLEL,
  /** The iterations of an inline Map state; their events belong to the parent's history. */
  INLINE_MAP,
  /**
   * The child executions of a Distributed Map state; AWS keeps their events out of the parent's
   * history, which shows only the map run.
   */
  DISTRIBUTED_MAP
}
