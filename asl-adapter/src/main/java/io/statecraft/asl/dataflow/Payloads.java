package io.statecraft.asl.dataflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

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
    // Every state checks its output: counting the text without writing it is several times
    // cheaper than serialising it, and gives the same number.
    long counted = count(value);
    return counted >= 0 ? counted : serializedSize(value);
  }

  /** The most bytes one UTF-16 character can take in the text: a six-byte escape. */
  private static final int MAX_CHAR_BYTES = 6;

  /** The longest text of a finite double or float: sign, 17 digits, point, E, sign, 3 digits. */
  private static final int MAX_FLOATING_BYTES = 24;

  /**
   * A number never less than {@link #sizeInBytes}, found by walking the tree without reading a
   * string's characters: a string counts as if every character took a six-byte escape, a double as
   * its longest text.
   */
  static long upperBound(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return 0;
    }
    return bound(node);
  }

  private static long bound(JsonNode node) {
    // Type tests on the concrete classes, not getNodeType(): a call site that sees every kind of
    // node dispatches slowly, and this one runs for every node of every state's output.
    if (node instanceof ObjectNode object) {
      long n = object.size() <= 1 ? 2 : 1 + object.size(); // braces and commas
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        n += 3 + (long) MAX_CHAR_BYTES * e.getKey().length() + bound(e.getValue());
      }
      return n;
    }
    if (node instanceof ArrayNode array) {
      int size = array.size();
      long n = size <= 1 ? 2 : 1 + size; // brackets and commas
      for (int i = 0; i < size; i++) {
        n += bound(array.get(i));
      }
      return n;
    }
    if (node instanceof TextNode text) {
      return 2 + (long) MAX_CHAR_BYTES * text.textValue().length();
    }
    if (node instanceof IntNode || node instanceof LongNode || node instanceof ShortNode) {
      return digits(node.longValue());
    }
    if (node instanceof DoubleNode || node instanceof FloatNode) {
      // Quoted NaN and infinities are shorter than the longest finite text.
      return MAX_FLOATING_BYTES;
    }
    if (node instanceof BooleanNode) {
      return 5;
    }
    if (node instanceof NullNode || node instanceof MissingNode) {
      return 4;
    }
    return sizeInBytes(node); // big numbers, binary, POJO: rare enough to count exactly
  }

  /** Bytes of an escaped ASCII character inside a JSON string, as Jackson writes it. */
  private static final byte[] ASCII_BYTES = new byte[128];

  static {
    java.util.Arrays.fill(ASCII_BYTES, (byte) 1);
    for (int c = 0; c < 0x20; c++) {
      ASCII_BYTES[c] = 6; // a six-byte escape: backslash, u and four hex digits
    }
    for (char c : new char[] {'\b', '\t', '\n', '\f', '\r', '"', '\\'}) {
      ASCII_BYTES[c] = 2;
    }
  }

  /**
   * The size of the compact JSON text Jackson writes for {@code node}, counted without writing it;
   * -1 for a node whose text is not worth predicting (binary, POJO, a non-finite number), which is
   * then serialised instead.
   */
  static long count(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        long n = node.size() <= 1 ? 2 : 1 + node.size(); // braces and commas
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          long value = count(e.getValue());
          if (value < 0) {
            return -1;
          }
          n += textSize(e.getKey()) + 1 + value;
        }
        return n;
      }
      case ARRAY -> {
        long n = node.size() <= 1 ? 2 : 1 + node.size(); // brackets and commas
        for (JsonNode element : node) {
          long value = count(element);
          if (value < 0) {
            return -1;
          }
          n += value;
        }
        return n;
      }
      case STRING -> {
        return textSize(node.textValue());
      }
      case NUMBER -> {
        return numberSize(node);
      }
      case BOOLEAN -> {
        return node.booleanValue() ? 4 : 5;
      }
      case NULL, MISSING -> {
        return 4; // a missing value inside a container is written as null
      }
      default -> {
        return -1;
      }
    }
  }

  /**
   * A string with its quotes and escapes, in UTF-8. Jackson writes each UTF-16 surrogate as a
   * six-byte escape (backslash, u, four hex digits), so a character outside the Basic Multilingual
   * Plane counts 12 bytes where its raw UTF-8 is 4; counted the same way here.
   */
  private static long textSize(String s) {
    long n = 2;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += ASCII_BYTES[c];
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isSurrogate(c)) {
        n += 6;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static long numberSize(JsonNode node) {
    return switch (node.numberType()) {
      case INT, LONG -> digits(node.longValue());
      case BIG_INTEGER -> node.bigIntegerValue().toString().length();
      case DOUBLE -> {
        double d = node.doubleValue();
        yield Double.isFinite(d) ? Double.toString(d).length() : -1;
      }
      case FLOAT -> {
        float f = node.floatValue();
        yield Float.isFinite(f) ? Float.toString(f).length() : -1;
      }
      case BIG_DECIMAL -> node.decimalValue().toString().length();
    };
  }

  /** The length of {@code v} in decimal, with its sign. */
  private static int digits(long v) {
    if (v == Long.MIN_VALUE) {
      return 20;
    }
    int n = 1;
    if (v < 0) {
      n++;
      v = -v;
    }
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  private static long serializedSize(JsonNode value) {
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
    // Nearly every result is far below the limit, which a bound shows without reading a string.
    if (upperBound(value) > MAX_PAYLOAD_BYTES && sizeInBytes(value) > MAX_PAYLOAD_BYTES) {
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
