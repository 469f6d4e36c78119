package io.statecraft.asl.dataflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a JSON value back exactly as the engine held it before it was written, whatever the reading
 * {@code ObjectMapper}'s settings: the records that cross a Temporal boundary (continue-as-new,
 * child workflows, activities) put it on their payload fields.
 *
 * <p>A default mapper reads every decimal as a {@code double}, so a number beyond a double's range
 * ({@code 1E+400}) would come back as Infinity, which is not JSON, and one with more digits than a
 * double holds would lose them. Here a decimal comes back as a {@code double} when its text is the
 * text of a double, as the engine's own doubles are written, and as a {@code BigDecimal} otherwise;
 * integers take the smallest exact type. The tree is built without recursion.
 */
public final class ExactJson extends JsonDeserializer<JsonNode> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return read(p);
  }

  @Override
  public JsonNode getNullValue(DeserializationContext ctxt) {
    return NullNode.getInstance();
  }

  /** Reads the value at the parser's current token. */
  public static JsonNode read(JsonParser p) throws IOException {
    Deque<ContainerNode<?>> stack = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    JsonToken token = p.currentToken() == null ? p.nextToken() : p.currentToken();
    while (true) {
      JsonNode value = null;
      ContainerNode<?> opened = null;
      switch (token) {
        case START_OBJECT -> opened = NODES.objectNode();
        case START_ARRAY -> opened = NODES.arrayNode();
        case FIELD_NAME -> {
          names.push(p.currentName());
          token = p.nextToken();
          continue;
        }
        case END_OBJECT, END_ARRAY -> value = stack.pop();
        case VALUE_STRING -> value = NODES.textNode(p.getText());
        case VALUE_NUMBER_INT ->
            value =
                switch (p.getNumberType()) {
                  case INT -> NODES.numberNode(p.getIntValue());
                  case LONG -> NODES.numberNode(p.getLongValue());
                  default -> NODES.numberNode(p.getBigIntegerValue());
                };
        case VALUE_NUMBER_FLOAT -> value = decimal(p);
        case VALUE_TRUE -> value = NODES.booleanNode(true);
        case VALUE_FALSE -> value = NODES.booleanNode(false);
        case VALUE_NULL -> value = NODES.nullNode();
        default -> throw new IOException("unexpected token " + token + " in a JSON value");
      }
      if (opened != null) {
        stack.push(opened);
        token = p.nextToken();
        continue;
      }
      if (stack.isEmpty()) {
        return value;
      }
      if (stack.peek() instanceof ObjectNode object) {
        object.set(names.pop(), value);
      } else {
        ((ArrayNode) stack.peek()).add(value);
      }
      token = p.nextToken();
    }
  }

  private static JsonNode decimal(JsonParser p) throws IOException {
    // A double is written as Double.toString writes it, so text that reads back to the same
    // characters was a double; anything else (1E+308, 0.50, 40 digits, 1E+400) was a BigDecimal and
    // stays one, with the scale and the rendering it had. A BigDecimal has no negative zero, and
    // "-0.0" is a double's text.
    String text = p.getText();
    double d = Double.parseDouble(text);
    if (!Double.isInfinite(d) && Double.toString(d).equals(text)) {
      return NODES.numberNode(d);
    }
    return NODES.numberNode(new BigDecimal(text));
  }
}
