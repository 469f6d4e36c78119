package io.statecraft.api.config;

/** What a Statecraft process runs. */
public enum Role {
  /** The REST and AWS protocol APIs and the registry, without a Temporal worker. */
  API,
  /** Only the Temporal worker: no registry and no API endpoints. */
  WORKER,
  /** Both (the default). */
  ALL;

  /** Whether this role serves the APIs and owns the registry. */
  public boolean runsApi() {
    return this != WORKER;
  }

  /** Whether this role polls Temporal task queues. */
  public boolean runsWorker() {
    return this != API;
  }
}
