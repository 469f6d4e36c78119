package io.statecraft.asl.port;

import java.util.UUID;

/**
 * Where the engine gets randomness: {@code States.UUID}, {@code States.MathRandom} without a seed,
 * JSONata's {@code $uuid()} and {@code $random()}, and retry jitter. Inside a Temporal workflow
 * this is {@code Workflow.randomUUID()} and {@code Workflow.newRandom()}, so replay sees the same
 * values.
 */
public interface Entropy {

  /** A random (version 4) UUID. */
  UUID randomUuid();

  /** A uniformly distributed double in {@code [0, 1)}. */
  double nextDouble();
}
