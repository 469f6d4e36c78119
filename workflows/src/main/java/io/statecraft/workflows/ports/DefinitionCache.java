package io.statecraft.workflows.ports;

import io.statecraft.workflows.ExecutionRequest;
import io.statecraft.workflows.ExecutionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Definitions by SHA-256, for the Map batches this worker runs ({@link DefinitionSource}). The
 * workflows of this worker add the definitions they run; a batch whose definition is not here asks
 * the workflow that started it. Content-addressed, so whatever answers, the text is the same.
 */
public final class DefinitionCache implements DefinitionSource {

  private static final int CAPACITY = 64;

  private final WorkflowClient client;
  private final Map<String, String> definitions =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > CAPACITY;
        }
      };

  public DefinitionCache(WorkflowClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Remembers a definition whose hash was checked. */
  public synchronized void put(String sha256, String definition) {
    definitions.put(sha256, definition);
  }

  private synchronized String get(String sha256) {
    return definitions.get(sha256);
  }

  @Override
  public String load(String workflowId, String sha256) {
    String known = get(sha256);
    if (known != null) {
      return known;
    }
    String definition =
        client
            .newUntypedWorkflowStub(workflowId)
            .query(ExecutionWorkflow.QUERY_DEFINITION, String.class);
    if (definition == null || !ExecutionRequest.sha256(definition).equals(sha256)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The workflow '" + workflowId + "' runs another definition than " + sha256,
          "Statecraft.DefinitionMismatch");
    }
    put(sha256, definition);
    return definition;
  }
}
