package io.statecraft.asl.dataflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Payload sizes and the service quotas that bound them. Step Functions measures a payload as the
 * UTF-8 bytes of its JSON text; a state's input or output, a task result and a variable are each
 * limited to 256 KiB.
 */
public final class Payloads {

  /** 256 KiB: the largest state input, output, task result, single variable or single Assign. */
  public static final long MAX_PAYLOAD_BYTES = 256L * 1024;

  /** 10 MiB: the most all the variables of one execution may hold together. */
  public static final long MAX_EXECUTION_VARIABLES_BYTES = 10L * 1024 * 1024;

  private static final ObjectWriter WRITER = new ObjectMapper().writer();

  private Payloads() {}

  /** The size of the value's compact JSON text in UTF-8 bytes. A missing value counts as 0. */
  public static long sizeInBytes(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return 0;
    }
    CountingStream counter = new CountingStream();
    try {
      WRITER.writeValue(counter, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.count;
  }

  /** The value as compact JSON text, as AWS prints it in causes and histories. */
  public static String compact(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "";
    }
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails with {@code States.DataLimitExceeded} when a state's result is larger than 256 KiB; the
   * cause is AWS's own wording.
   */
  public static void checkStateResult(String stateName, JsonNode value) {
    if (sizeInBytes(value) > MAX_PAYLOAD_BYTES) {
      throw new AslFailure(
          StatesError.DATA_LIMIT_EXCEEDED,
          "The state/task '"
              + stateName
              + "' returned a result with a size exceeding the maximum number of bytes service"
              + " limit.");
    }
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
