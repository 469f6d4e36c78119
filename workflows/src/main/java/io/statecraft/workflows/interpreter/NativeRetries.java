package io.statecraft.workflows.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether native retry policies may be used for a definition.
 *
 * <p>A Temporal activity that succeeds after retries does not tell the workflow how many attempts
 * it took, so after a natively retried success {@code $$.State.RetryCount} would read 0. The core
 * already keeps native policies away from tasks whose inputs read the retry count; this also keeps
 * them away from definitions whose Task states read it afterwards (ResultSelector, Assign, Output,
 * OutputPath). Such a definition retries every task in the interpreter, which the Temporal Web UI
 * shows as separate activities. Decided from the definition alone, so replay decides the same.
 */
final class NativeRetries {

  private static final Pattern READS_RETRY_COUNT =
      Pattern.compile(
          "RetryCount|\\$\\$(?!\\.)|\\$\\$\\.State(?!\\.)|\\$states(?![.\\w])"
              + "|\\$states\\.context(?!\\.)|\\$states\\.context\\.State(?!\\.)");

  private static final List<String> AFTER_THE_TASK =
      List.of("ResultSelector", "Assign", "Output", "OutputPath");

  private NativeRetries() {}

  /** Whether no Task state of the definition reads its retry count after the task. */
  static boolean allowed(JsonNode definition) {
    return !readsRetryCountAfterTask(definition);
  }

  private static boolean readsRetryCountAfterTask(JsonNode node) {
    if (node.isObject()) {
      JsonNode type = node.get("Type");
      if (type != null && "Task".equals(type.asText()) && node.has("Resource")) {
        for (String field : AFTER_THE_TASK) {
          JsonNode value = node.get(field);
          if (value != null && READS_RETRY_COUNT.matcher(value.toString()).find()) {
            return true;
          }
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (readsRetryCountAfterTask(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (readsRetryCountAfterTask(element)) {
          return true;
        }
      }
    }
    return false;
  }
}
