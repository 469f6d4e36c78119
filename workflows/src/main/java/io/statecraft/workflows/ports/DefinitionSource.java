package io.statecraft.workflows.ports;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The local activity through which a Map batch gets its definition: from this worker's cache when
 * it has the hash, else from the {@code definition} query of the workflow that started the batch.
 * Its result is recorded in the batch's history, so replay never asks again.
 */
@ActivityInterface
public interface DefinitionSource {

  /** The activity type. */
  String ACTIVITY_TYPE = "StatecraftLoadDefinition";

  /**
   * The definition with this hash.
   *
   * @param workflowId the workflow that runs it and can answer the {@code definition} query
   */
  @ActivityMethod(name = ACTIVITY_TYPE)
  String load(String workflowId, String sha256);
}
