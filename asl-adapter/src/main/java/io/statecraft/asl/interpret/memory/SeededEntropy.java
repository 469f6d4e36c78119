package io.statecraft.asl.interpret.memory;

import io.statecraft.asl.port.Entropy;
import java.util.SplittableRandom;
import java.util.UUID;

/** Reproducible randomness: the same seed gives the same UUIDs and numbers, run after run. */
public final class SeededEntropy implements Entropy {

  private final SplittableRandom random;

  public SeededEntropy(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public synchronized UUID randomUuid() {
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  @Override
  public synchronized double nextDouble() {
    return random.nextDouble();
  }
}
