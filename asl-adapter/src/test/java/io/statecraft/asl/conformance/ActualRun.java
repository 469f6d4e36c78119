package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What an engine produced for a case, in the shapes AWS's API uses, so that any engine (in memory,
 * Temporal) can be compared the same way.
 *
 * @param status the execution status: {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT}, …
 * @param output the output of a succeeded execution
 * @param error the error of a failed execution, or {@code null}
 * @param cause the cause of a failed execution, or {@code null}
 * @param history the events as {@code GetExecutionHistory} returns them (payloads as JSON text), or
 *     {@code null} when the engine cannot give a history
 */
public record ActualRun(
    String status, JsonNode output, String error, String cause, List<JsonNode> history) {

  /** A run that could not even start: the message says why. */
  public static ActualRun notRun(String why) {
    return new ActualRun("NOT_RUN", null, null, why, null);
  }
}
