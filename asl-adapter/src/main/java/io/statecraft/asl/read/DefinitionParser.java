package io.statecraft.asl.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.validate.DiagnosticCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns definition text into a JSON tree. Unlike a plain {@code ObjectMapper.readTree}, it reports
 * every duplicate key (a duplicate state name being AWS's {@code DUPLICATE_STATE_NAME}), builds the
 * tree without recursion, and turns syntax errors and Jackson's stream limits into diagnostics.
 */
final class DefinitionParser {

  // Immutable and thread-safe; the default stream limits (1000 levels of nesting, numbers of 1000
  // digits, strings of 20 MB) are far beyond any definition AWS accepts.
  private static final JsonFactory FACTORY =
      JsonFactory.builder().streamReadConstraints(StreamReadConstraints.defaults()).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DefinitionParser() {}

  /** What a container is, so that a duplicate key in a {@code States} object is named as such. */
  private enum Role {
    GRAPH,
    STATES,
    STATE,
    BRANCHES,
    OTHER
  }

  private record Frame(ContainerNode<?> node, String pointer, Role role) {}

  /** Decodes strict UTF-8 and parses; {@code null} when the bytes are not a usable definition. */
  static JsonNode parse(byte[] utf8, Problems problems) {
    if (utf8 == null || utf8.length == 0) {
      return parse((String) null, problems);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      problems.error(
          DiagnosticCode.INVALID_JSON_DESCRIPTION,
          "The definition is not valid UTF-8: malformed byte sequence at byte offset "
              + in.position(),
          null);
      return null;
    }
    decoder.flush(out);
    out.flip();
    return parse(out.toString(), problems);
  }

  /** Parses the text; {@code null} when it is not a usable JSON document. */
  static JsonNode parse(String text, Problems problems) {
    if (text == null || text.isBlank()) {
      problems.error(DiagnosticCode.MISSING_DESCRIPTION, "The definition is empty", null);
      return null;
    }
    // A byte-order mark is not JSON, but editors write one; it carries no meaning.
    String json = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    Deque<Frame> stack = new ArrayDeque<>();
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonNode root = null;
      String fieldName = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Frame parent = stack.peek();
        if (token == JsonToken.FIELD_NAME) {
          fieldName = parser.currentName();
          ObjectNode object = (ObjectNode) parent.node();
          if (object.has(fieldName)) {
            String at = Pointer.child(parent.pointer(), fieldName);
            if (parent.role() == Role.STATES) {
              problems.error(
                  DiagnosticCode.DUPLICATE_STATE_NAME, "Duplicate State name: " + fieldName, at);
            } else {
              problems.error(
                  DiagnosticCode.SCHEMA_VALIDATION_FAILED,
                  "Field '" + fieldName + "' appears more than once; a field must be unique",
                  at);
            }
            // The first occurrence stays; the duplicate's value is skipped.
            parser.nextToken();
            parser.skipChildren();
            fieldName = null;
          }
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          stack.pop();
          continue;
        }
        if (parent == null && root != null) {
          problems.error(
              DiagnosticCode.INVALID_JSON_DESCRIPTION,
              "Invalid JSON: unexpected content after the end of the definition"
                  + where(parser.currentTokenLocation()),
              null);
          return null;
        }
        JsonNode value;
        switch (token) {
          case START_OBJECT -> value = NODES.objectNode();
          case START_ARRAY -> value = NODES.arrayNode();
          case VALUE_STRING -> value = NODES.textNode(parser.getText());
          case VALUE_NUMBER_INT -> value = integer(parser);
          case VALUE_NUMBER_FLOAT -> value = decimal(parser);
          case VALUE_TRUE -> value = NODES.booleanNode(true);
          case VALUE_FALSE -> value = NODES.booleanNode(false);
          case VALUE_NULL -> value = NODES.nullNode();
          default ->
              throw new IllegalStateException("unexpected token " + token + " in a JSON text");
        }
        String pointer;
        Role role;
        if (parent == null) {
          pointer = Pointer.ROOT;
          role = Role.GRAPH;
          root = value;
        } else if (parent.node() instanceof ObjectNode object) {
          pointer = Pointer.child(parent.pointer(), fieldName);
          role = childRole(parent.role(), fieldName);
          object.set(fieldName, value);
        } else {
          ArrayNode array = (ArrayNode) parent.node();
          pointer = Pointer.child(parent.pointer(), array.size());
          role = parent.role() == Role.BRANCHES ? Role.GRAPH : Role.OTHER;
          array.add(value);
        }
        if (value instanceof ContainerNode<?> container) {
          stack.push(new Frame(container, pointer, role));
        }
      }
      if (root == null) {
        problems.error(DiagnosticCode.MISSING_DESCRIPTION, "The definition is empty", null);
      }
      return root;
    } catch (StreamConstraintsException e) {
      problems.error(
          DiagnosticCode.INVALID_JSON_DESCRIPTION,
          "The definition exceeds a JSON processing limit: "
              + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""),
          stack.isEmpty() ? null : Pointer.report(stack.peek().pointer()));
      return null;
    } catch (JsonProcessingException e) {
      problems.error(
          DiagnosticCode.INVALID_JSON_DESCRIPTION,
          syntaxMessage(e),
          stack.isEmpty() ? null : Pointer.report(stack.peek().pointer()));
      return null;
    } catch (IOException e) {
      problems.error(
          DiagnosticCode.INVALID_JSON_DESCRIPTION,
          "The definition could not be read as JSON: " + e.getMessage(),
          null);
      return null;
    }
  }

  private static Role childRole(Role parent, String field) {
    return switch (parent) {
      case GRAPH -> Fields.STATES.equals(field) ? Role.STATES : Role.OTHER;
      case STATES -> Role.STATE;
      case STATE ->
          switch (field) {
            case Fields.BRANCHES -> Role.BRANCHES;
            case Fields.ITEM_PROCESSOR, Fields.ITERATOR -> Role.GRAPH;
            default -> Role.OTHER;
          };
      case BRANCHES, OTHER -> Role.OTHER;
    };
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  // Doubles as Jackson reads them by default, except where a double would lose the value
  // entirely (1e400 is not Infinity).
  private static JsonNode decimal(JsonParser parser) throws IOException {
    double d = parser.getDoubleValue();
    if (Double.isInfinite(d) || (d == 0.0 && !isZero(parser.getText()))) {
      return NODES.numberNode(parser.getDecimalValue());
    }
    return NODES.numberNode(d);
  }

  private static boolean isZero(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
  }

  private static String syntaxMessage(JsonProcessingException e) {
    return "Invalid JSON: " + e.getOriginalMessage() + where(e.getLocation());
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
