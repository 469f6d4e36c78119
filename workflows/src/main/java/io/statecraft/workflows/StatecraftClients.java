package io.statecraft.workflows;

import io.statecraft.workflows.client.TemporalStatecraftClient;
import io.temporal.client.WorkflowClient;

/** Creates {@link StatecraftClient}s. */
public final class StatecraftClients {

  private StatecraftClients() {}

  /**
   * A client over {@code client} (and its namespace) that starts executions on {@code taskQueue},
   * the platform workers' {@link WorkerSettings#taskQueue()}.
   */
  public static StatecraftClient create(WorkflowClient client, String taskQueue) {
    return new TemporalStatecraftClient(client, taskQueue);
  }
}
