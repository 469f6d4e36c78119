package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.model.QueryLanguage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object of the definition together with its location: typed access to its fields that
 * reports, rather than throws, when a field is missing or of the wrong kind.
 */
final class Obj {

  final ObjectNode node;
  final String at;
  final ReadContext cx;

  ReadContext cx() {
    return cx;
  }

  Obj(ObjectNode node, String at, ReadContext cx) {
    this.node = node;
    this.at = at;
    this.cx = cx;
  }

  /** The location as reported: {@code null} for the whole definition. */
  String where() {
    return Pointer.report(at);
  }

  String at(String field) {
    return Pointer.child(at, field);
  }

  boolean has(String field) {
    return node.has(field);
  }

  JsonNode get(String field) {
    return node.get(field);
  }

  /** The field names, in definition order. */
  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Reports every field the object does not support, or that its query language rules out. */
  void checkFields(FieldSet allowed, QueryLanguage language) {
    for (String name : fieldNames()) {
      FieldSet.Lang rule = allowed.rule(name);
      if (rule == null) {
        cx.schema("Field '" + name + "' is not supported", where());
      } else if (!rule.allows(language)) {
        String other =
            language == QueryLanguage.JSONPATH
                ? QueryLanguage.JSONATA.aslName()
                : QueryLanguage.JSONPATH.aslName();
        cx.schema(
            "The QueryLanguage is set to '"
                + language.aslName()
                + "', but field '"
                + name
                + "' is only supported for the '"
                + other
                + "' QueryLanguage",
            where());
      }
    }
  }

  /** Reports when more than one of the fields is present; answers whether at most one is. */
  boolean atMostOne(String... fields) {
    List<String> present = new ArrayList<>();
    for (String f : fields) {
      if (has(f)) {
        present.add(f);
      }
    }
    if (present.size() > 1) {
      cx.schema(
          "There should only be one of the following fields: "
              + "["
              + String.join(", ", present)
              + "]",
          where());
      return false;
    }
    return true;
  }

  void required(String field) {
    cx.schema("The field '" + field + "' is required but was missing", where());
  }

  /** A required field that must be present; reports and answers {@code null} when it is not. */
  JsonNode require(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      required(field);
    }
    return value;
  }

  void typeError(String field, String what) {
    cx.schema("The value for the field '" + field + "' must be " + what, at(field));
  }

  /** An optional string field; {@code null} when absent or not a string (then reported). */
  String string(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      typeError(field, "a string");
      return null;
    }
    return value.textValue();
  }

  /** A required string field; {@code null} when missing or not a string (then reported). */
  String requiredString(String field) {
    if (!has(field)) {
      required(field);
      return null;
    }
    return string(field);
  }

  /** An optional boolean field; {@code null} when absent or not a boolean (then reported). */
  Boolean bool(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      typeError(field, "a boolean");
      return null;
    }
    return value.booleanValue();
  }

  /** An optional string field that must be one of the values; {@code null} unless it is. */
  String oneOf(String field, List<String> allowed) {
    String value = string(field);
    if (value != null && !allowed.contains(value)) {
      cx.schema("The field '" + field + "' should have one of these values: " + allowed, at(field));
      return null;
    }
    return value;
  }

  /** An optional object field; {@code null} when absent or not an object (then reported). */
  Obj object(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof ObjectNode o)) {
      typeError(field, "an object");
      return null;
    }
    return new Obj(o, at(field), cx);
  }

  /** An optional array field; {@code null} when absent or not an array (then reported). */
  ArrayNode array(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof ArrayNode a)) {
      typeError(field, "an array");
      return null;
    }
    return a;
  }

  /** The element of an array field at the index, as an object; reports when it is not one. */
  Obj element(String field, ArrayNode array, int index) {
    JsonNode value = array.get(index);
    String location = Pointer.child(at(field), index);
    if (!(value instanceof ObjectNode o)) {
      cx.schema("The elements of the field '" + field + "' must be objects", location);
      return null;
    }
    return new Obj(o, location, cx);
  }

  /**
   * Checks a numeric literal: its kind and its range. Answers whether it is acceptable.
   *
   * @param integer whether only integral values are allowed (1.0 counts as integral, as in JSON
   *     Schema)
   * @param min the smallest allowed value, or {@code null}
   * @param max the largest allowed value, or {@code null}
   */
  boolean checkNumber(
      String field, JsonNode value, boolean integer, BigDecimal min, BigDecimal max) {
    if (!value.isNumber()) {
      typeError(field, integer ? "an integer" : "a number");
      return false;
    }
    BigDecimal number = value.decimalValue();
    if (integer && number.stripTrailingZeros().scale() > 0) {
      typeError(field, "an integer");
      return false;
    }
    if (min != null && number.compareTo(min) < 0) {
      cx.schema("Minimum value is " + min.toPlainString(), at(field));
      return false;
    }
    if (max != null && number.compareTo(max) > 0) {
      cx.schema("Maximum value is " + max.toPlainString(), at(field));
      return false;
    }
    return true;
  }
}
