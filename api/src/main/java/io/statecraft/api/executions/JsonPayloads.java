package io.statecraft.api.executions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.validation.RequestBinder;
import java.nio.charset.StandardCharsets;

/**
 * Checks the JSON texts callers hand to executions: an execution's input and a task's output must
 * each be one JSON value, as Step Functions requires.
 */
public final class JsonPayloads {

  /** AWS's limit on an input or output: 256 KiB, counted as UTF-8 bytes. */
  public static final int MAX_BYTES = 262_144;

  private final ObjectMapper json;

  public JsonPayloads(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The input to start an execution with; {@code null} becomes {@code {}}.
   *
   * @throws ApiException {@code InvalidExecutionInput} when it is not JSON
   */
  public String input(String input) {
    if (input == null) {
      return "{}";
    }
    checkSize(input, "/input");
    check(input, ErrorCode.INVALID_EXECUTION_INPUT, "Invalid State Machine Execution Input");
    return input;
  }

  /**
   * A task's output for {@code SendTaskSuccess}.
   *
   * @throws ApiException {@code InvalidOutput} when it is not JSON
   */
  public String output(String output) {
    checkSize(output, "/output");
    check(output, ErrorCode.INVALID_OUTPUT, "Invalid State Machine Execution Output");
    return output;
  }

  private static void checkSize(String text, String pointer) {
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw ApiException.validation(
          pointer, null, "Member must have length less than or equal to " + MAX_BYTES);
    }
  }

  private void check(String text, ErrorCode code, String what) {
    try {
      json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(code, what + ": '" + RequestBinder.describe(e) + "'");
    }
    if (text.isBlank()) {
      throw new ApiException(code, what + ": 'a JSON value is required'");
    }
  }
}
