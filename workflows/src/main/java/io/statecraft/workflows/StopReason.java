package io.statecraft.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code StopExecution}'s error and cause, carried as the reason of a Temporal workflow
 * cancellation.
 *
 * <p>A stop is a cancellation of the execution's workflow ({@code WorkflowStub.cancel(reason)}, or
 * {@link StatecraftClient#stop}) with {@link #encode()} as the reason. The workflow stops its
 * running states, records {@code *StateAborted} and {@code ExecutionAborted} with this error and
 * cause, and ends as Canceled. A cancellation whose reason is not in this form, such as one from
 * the Temporal Web UI, stops the execution too: its reason becomes the cause, without an error.
 *
 * @param error the error, or {@code null}
 * @param cause the cause, or {@code null}
 */
public record StopReason(String error, String cause) {

  private static final String PREFIX = "statecraft-stop:";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The cancellation reason: {@code statecraft-stop:{"error":…,"cause":…}}. */
  public String encode() {
    ObjectNode node = JSON.createObjectNode();
    if (error != null) {
      node.put("error", error);
    }
    if (cause != null) {
      node.put("cause", cause);
    }
    return PREFIX + node;
  }

  /** The stop a cancellation reason describes; any other text (or none) is a cause alone. */
  public static StopReason decode(String reason) {
    if (reason == null || reason.isEmpty()) {
      return new StopReason(null, null);
    }
    if (reason.startsWith(PREFIX)) {
      try {
        JsonNode node = JSON.readTree(reason.substring(PREFIX.length()));
        if (node != null && node.isObject()) {
          return new StopReason(text(node, "error"), text(node, "cause"));
        }
      } catch (JsonProcessingException e) {
        // Not ours after all: fall through and keep the text as it was given.
      }
    }
    return new StopReason(null, reason);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
