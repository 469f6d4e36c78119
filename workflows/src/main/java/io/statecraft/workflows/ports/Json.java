package io.statecraft.workflows.ports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.statecraft.asl.dataflow.Payloads;

/** JSON text in and out, with one plain mapper (the one the core's payloads are read with). */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** The node factory. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /**
   * Reads JSON text.
   *
   * @throws IllegalArgumentException naming the problem when the text is not one JSON value
   */
  public static JsonNode parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no JSON text was given");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("the JSON text is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** Compact JSON text, as AWS renders payloads. */
  public static String compact(JsonNode node) {
    return Payloads.compact(node);
  }
}
