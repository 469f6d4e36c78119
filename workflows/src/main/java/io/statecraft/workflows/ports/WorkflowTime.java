package io.statecraft.workflows.ports;

import io.statecraft.asl.port.Clock;
import io.statecraft.asl.port.Entropy;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * The workflow's clock and randomness: {@code Workflow.currentTimeMillis()}, {@code
 * Workflow.randomUUID()} and one {@code Workflow.newRandom()} per run, all replayed identically.
 */
public final class WorkflowTime implements Clock, Entropy {

  private final Random random = Workflow.newRandom();

  @Override
  public Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  @Override
  public UUID randomUuid() {
    return Workflow.randomUUID();
  }

  @Override
  public double nextDouble() {
    return random.nextDouble();
  }
}
