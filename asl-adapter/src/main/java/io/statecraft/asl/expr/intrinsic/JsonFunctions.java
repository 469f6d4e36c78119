package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.JSON_MERGE;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.STRING_TO_JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** States.StringToJson, States.JsonToString and States.JsonMerge. */
final class JsonFunctions {

  private JsonFunctions() {}

  /**
   * States.StringToJson(string): the JSON value the string holds. Recorded against AWS: an empty or
   * blank string gives {@code null}, and {@code "-0"} gives {@code 0}.
   */
  static JsonNode stringToJson(JsonNode arg) {
    String text = Args.string(STRING_TO_JSON, 1, arg);
    if (text.isBlank()) {
      return Json.NODES.nullNode();
    }
    try {
      JsonNode parsed = Json.MAPPER.readTree(text);
      return parsed == null || parsed.isMissingNode() ? Json.NODES.nullNode() : parsed;
    } catch (JsonProcessingException e) {
      throw AwsCauses.intrinsicFailure(AwsCauses.notJson(text));
    }
  }

  /**
   * States.JsonToString(value): the value as compact JSON text. Recorded against AWS: {@code
   * {"Arg1": 1, "Arg2": []}} gives {@code {"Arg1":1,"Arg2":[]}}.
   */
  static JsonNode jsonToString(JsonNode value) {
    return Json.NODES.textNode(Json.compact(value));
  }

  /**
   * States.JsonMerge(a, b, deep): the members of a, then those of b, b winning on equal names. AWS
   * supports only the shallow mode, so the third argument must be {@code false}; nested objects are
   * replaced, not merged.
   */
  static JsonNode merge(JsonNode first, JsonNode second, JsonNode deep) {
    ObjectNode a = Args.object(JSON_MERGE, 1, first);
    ObjectNode b = Args.object(JSON_MERGE, 2, second);
    requireShallow(deep);
    ObjectNode out = Json.NODES.objectNode();
    out.setAll(a);
    out.setAll(b);
    return out;
  }

  static void requireShallow(JsonNode deep) {
    if (Args.bool(JSON_MERGE, 3, deep)) {
      throw AwsCauses.intrinsicFailure(AwsCauses.deepMergeUnsupported());
    }
  }
}
