package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts between Jackson trees and the values the JSONata library works on: {@link Map} for
 * objects, {@link List} for arrays, {@link String}, {@link Boolean} and {@link Number}.
 *
 * <p>Objects and arrays are converted lazily: {@link LazyObject} and {@link LazyArray} wrap the
 * tree and convert a member when the expression first reads it, so that {@code
 * $states.input.order.id} costs the same on a 256 KiB input as on a small one. They accept the
 * library's occasional writes (it appends to an empty array it groups over), so each evaluation of
 * an expression gets its own wrappers over the shared tree, which nothing modifies.
 *
 * <p>The library tells JSON {@code null} from "undefined" by {@link Jsonata#NULL_VALUE}: JSON null
 * is that marker, undefined is Java {@code null}, at any depth. (Its own JSON parser puts Java
 * {@code null} in maps, but its object constructors put the marker there, and its equality is
 * Java's: with the marker throughout, an input object equals the same object written in the
 * expression.)
 *
 * <p>Numbers follow JavaScript, the language AWS evaluates JSONata in: every number is a double, so
 * an integral value is an integer whatever its JSON spelling ({@code 3.0} is {@code 3}) and an
 * integer too large for a double's 53-bit mantissa loses its low digits.
 */
final class JsonValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final double TWO_TO_63 = 9.223372036854775808E18;

  private JsonValues() {}

  /** A JSON value as a JSONata value: JSON null is the marker, a missing node undefined. */
  static Object toJsonata(JsonNode node) {
    if (node == null) {
      return null;
    }
    switch (node.getNodeType()) {
      case OBJECT -> {
        return new LazyObject(node);
      }
      case ARRAY -> {
        return new LazyArray(node);
      }
      case STRING -> {
        return node.textValue();
      }
      case BOOLEAN -> {
        return node.booleanValue();
      }
      case NUMBER -> {
        return number(node);
      }
      case NULL -> {
        return Jsonata.NULL_VALUE;
      }
      case MISSING -> {
        return null;
      }
      default -> {
        // BINARY and POJO nodes do not come out of JSON text; read them as their text form.
        return node.asText();
      }
    }
  }

  /** A JSON object, converted member by member as they are read. */
  static final class LazyObject extends AbstractMap<String, Object> {
    private final JsonNode node;
    private Map<String, Object> converted;
    private boolean complete;

    LazyObject(JsonNode node) {
      this.node = node;
    }

    @Override
    public int size() {
      return complete ? converted.size() : node.size();
    }

    @Override
    public boolean isEmpty() {
      return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
      if (complete) {
        return converted.containsKey(key);
      }
      return key instanceof String k && node.has(k);
    }

    @Override
    public Object get(Object key) {
      if (complete) {
        return converted.get(key);
      }
      if (!(key instanceof String k)) {
        return null;
      }
      if (converted != null && converted.containsKey(k)) {
        return converted.get(k);
      }
      JsonNode child = node.get(k);
      if (child == null) {
        return null;
      }
      Object value = toJsonata(child);
      if (converted == null) {
        converted = new HashMap<>();
      }
      converted.put(k, value);
      return value;
    }

    /** Every member converted, in the object's order; values already read keep their identity. */
    private Map<String, Object> all() {
      if (!complete) {
        Map<String, Object> all = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          String k = field.getKey();
          boolean read = converted != null && converted.containsKey(k);
          all.put(k, read ? converted.get(k) : toJsonata(field.getValue()));
        }
        converted = all;
        complete = true;
      }
      return converted;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return all().entrySet();
    }

    @Override
    public Set<String> keySet() {
      return all().keySet();
    }

    @Override
    public Collection<Object> values() {
      return all().values();
    }

    @Override
    public Object put(String key, Object value) {
      return all().put(key, value);
    }

    @Override
    public Object remove(Object key) {
      return all().remove(key);
    }

    @Override
    public void clear() {
      all().clear();
    }
  }

  /** A JSON array, converted element by element as they are read. */
  static final class LazyArray extends AbstractList<Object> implements RandomAccess {
    private static final Object UNREAD = new Object();

    private final JsonNode node;
    private Object[] elements;
    private List<Object> grown;

    LazyArray(JsonNode node) {
      this.node = node;
    }

    @Override
    public int size() {
      return grown != null ? grown.size() : node.size();
    }

    @Override
    public Object get(int index) {
      if (grown != null) {
        return grown.get(index);
      }
      Objects.checkIndex(index, node.size());
      if (elements == null) {
        elements = new Object[node.size()];
        Arrays.fill(elements, UNREAD);
      }
      Object value = elements[index];
      if (value == UNREAD) {
        JsonNode element = node.get(index);
        value = toJsonata(element);
        elements[index] = value;
      }
      return value;
    }

    @Override
    public Object set(int index, Object element) {
      if (grown != null) {
        return grown.set(index, element);
      }
      Object previous = get(index);
      elements[index] = element;
      return previous;
    }

    @Override
    public void add(int index, Object element) {
      grow().add(index, element);
      modCount++;
    }

    @Override
    public Object remove(int index) {
      Object removed = grow().remove(index);
      modCount++;
      return removed;
    }

    private List<Object> grow() {
      if (grown == null) {
        List<Object> copy = new ArrayList<>(node.size() + 4);
        for (int i = 0; i < node.size(); i++) {
          copy.add(get(i));
        }
        grown = copy;
      }
      return grown;
    }
  }

  /** A JSON number as the JavaScript number it denotes. */
  static Number number(JsonNode node) {
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isLong()) {
      return normalize(node.longValue());
    }
    if (node.isBigInteger() && node.canConvertToLong()) {
      return normalize(node.longValue());
    }
    return normalize(node.doubleValue());
  }

  /** The smallest boxed form of an integral value, as the library's own arithmetic produces. */
  static Number normalize(long value) {
    return value == (int) value ? (Number) (int) value : (Number) value;
  }

  /** A double as the library produces numbers: integral values within a long are integers. */
  static Number normalize(double value) {
    if (value % 1 == 0 && Math.abs(value) < TWO_TO_63) {
      return normalize((long) value);
    }
    return value;
  }

  /** Thrown when a result holds a value JSON cannot represent, such as a function. */
  static final class UnsupportedResult extends RuntimeException {
    UnsupportedResult() {
      super(null, null, false, false);
    }
  }

  /** Thrown when a result holds a number JSON cannot represent. */
  static final class NonFiniteResult extends RuntimeException {
    private final transient Object value;

    NonFiniteResult(Object value) {
      super(null, null, false, false);
      this.value = value;
    }

    Object value() {
      return value;
    }
  }

  /** A JSONata result (never undefined at the top) as a new JSON tree. */
  static JsonNode toJson(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Number n) {
      return numberNode(n);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        object.set(String.valueOf(e.getKey()), toJson(e.getValue()));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object element : list) {
        array.add(toJson(element));
      }
      return array;
    }
    throw new UnsupportedResult();
  }

  private static JsonNode numberNode(Number n) {
    if (n instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (n instanceof Long l) {
      return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
    }
    if (n instanceof BigInteger bi) {
      return NODES.numberNode(bi);
    }
    if (n instanceof BigDecimal bd) {
      return NODES.numberNode(bd);
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new NonFiniteResult(n);
    }
    Number normal = normalize(d);
    if (normal instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (normal instanceof Long l) {
      return NODES.numberNode(l);
    }
    return NODES.numberNode(d);
  }

  /** Whether the value is a function, which JSON cannot hold. */
  static boolean isFunction(Object value) {
    return Utils.isFunction(value)
        || Functions.isLambda(value)
        || value instanceof Pattern
        || value instanceof Jsonata.JLambda;
  }
}
