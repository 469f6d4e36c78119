package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.statecraft.asl.dataflow.ExactJson;
import java.util.Objects;

/**
 * What a task returned.
 *
 * @param output the raw result
 * @param attempts how many attempts the port made for this invocation: 1, or more when it applied a
 *     {@link NativeRetryPolicy}
 */
public record TaskResult(@JsonDeserialize(using = ExactJson.class) JsonNode output, int attempts) {
  public TaskResult {
    Objects.requireNonNull(output, "output");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
  }

  public static TaskResult of(JsonNode output) {
    return new TaskResult(output, 1);
  }
}
