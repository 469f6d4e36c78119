package io.statecraft.asl.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * JSON documents as state inputs and variable values: shallow and deep, narrow and wide, with the
 * strings and numbers most likely to trip a JSON engine (unicode beyond the BMP, lone surrogates,
 * control characters, integers past 2^63, decimals past a double's range or precision, negative
 * zero). Only values JSON text can carry: no NaN, no infinity.
 */
final class JsonArbitraries {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Field names that the generated paths and expressions read, so that reads often hit. */
  static final List<String> KEYS =
      List.of("a", "b", "c", "items", "n", "s", "flag", "when", "nested", "list", "x", "y");

  private JsonArbitraries() {}

  private static final int MAX_DEPTH = 3;

  // Built once, shallowest first.
  private static final List<Arbitrary<JsonNode>> VALUES = buildValues();

  private static List<Arbitrary<JsonNode>> buildValues() {
    List<Arbitrary<JsonNode>> byDepth = new ArrayList<>();
    byDepth.add(Gen.shared(scalars()));
    for (int depth = 1; depth <= MAX_DEPTH; depth++) {
      Arbitrary<JsonNode> members = byDepth.get(depth - 1);
      byDepth.add(
          Gen.shared(
              Gen.frequency(
                  Gen.w(4, byDepth.get(0)),
                  Gen.w(2, objects(members, 6)),
                  Gen.w(2, arrays(members, 6)))));
    }
    return List.copyOf(byDepth);
  }

  /** Any JSON value, nested at most {@code depth} levels (at most 3). */
  static Arbitrary<JsonNode> values(int depth) {
    return VALUES.get(Math.min(depth, MAX_DEPTH));
  }

  /** A state input: usually an object whose fields the generated paths read. */
  static Arbitrary<JsonNode> inputs() {
    return Built.INPUTS;
  }

  private static final class Built {
    static final Arbitrary<JsonNode> INPUTS =
        Gen.frequency(
            Gen.w(16, shaped()),
            Gen.w(3, objects(values(2), 8)),
            Gen.w(2, values(2)),
            Gen.w(1, deep()),
            Gen.w(1, wide()));
  }

  /**
   * An object with the fields the generated definitions read, each usually of the type they expect:
   * {@code items} and {@code list} arrays, {@code n} a small integer, {@code s} a string, {@code
   * flag} a boolean, {@code when} a timestamp, {@code nested} an object.
   */
  static Arbitrary<JsonNode> shaped() {
    Arbitrary<JsonNode> small = values(1);
    return Combinators.combine(
            Gen.frequency(Gen.w(4, arrays(values(1), 4)), Gen.w(1, small)).injectNull(0.1),
            Gen.frequency(Gen.w(4, arrays(values(0), 5)), Gen.w(1, small)).injectNull(0.2),
            Gen.frequency(
                    Gen.w(
                        5,
                        Arbitraries.integers()
                            .between(-2, 6)
                            .map(i -> (JsonNode) NODES.numberNode(i))),
                    Gen.w(1, small))
                .injectNull(0.1),
            Gen.frequency(
                    Gen.w(4, strings().map(t -> (JsonNode) NODES.textNode(t))), Gen.w(1, small))
                .injectNull(0.1),
            Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)).injectNull(0.2),
            Arbitraries.of("2024-01-01T00:00:05Z", "2023-12-31T23:59:59.999+01:00", "soon")
                .map(t -> (JsonNode) NODES.textNode(t))
                .injectNull(0.2),
            objects(values(1), 3).injectNull(0.3),
            small.injectNull(0.5))
        .as(
            (items, list, n, s, flag, when, nested, a) -> {
              ObjectNode o = NODES.objectNode();
              putIfPresent(o, "items", items);
              putIfPresent(o, "list", list);
              putIfPresent(o, "n", n);
              putIfPresent(o, "s", s);
              putIfPresent(o, "flag", flag);
              putIfPresent(o, "when", when);
              putIfPresent(o, "nested", nested);
              putIfPresent(o, "a", a);
              return (JsonNode) o;
            });
  }

  private static void putIfPresent(ObjectNode o, String field, JsonNode value) {
    if (value != null) {
      o.set(field, value);
    }
  }

  static Arbitrary<JsonNode> scalars() {
    return Gen.frequency(
        Gen.w(1, Arbitraries.just(NODES.nullNode())),
        Gen.w(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
        Gen.w(3, numbers()),
        Gen.w(4, strings().map(s -> (JsonNode) NODES.textNode(s))));
  }

  static Arbitrary<JsonNode> numbers() {
    return Gen.frequency(
        Gen.w(4, Arbitraries.integers().between(-5, 20).map(i -> (JsonNode) NODES.numberNode(i))),
        Gen.w(2, Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l))),
        Gen.w(
            1,
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(b -> (JsonNode) NODES.numberNode(b))),
        Gen.w(
            2,
            Arbitraries.doubles()
                .between(-1e12, 1e12)
                .ofScale(3)
                .map(d -> (JsonNode) NODES.numberNode(d))),
        Gen.w(
            1,
            Arbitraries.of(
                    "1e308",
                    "-1e308",
                    "1e400",
                    "4.9e-324",
                    "1e-400",
                    "-0.0",
                    "0.1",
                    "9007199254740993",
                    "123456789012345678901234567890.123456789",
                    "18446744073709551616")
                .map(t -> (JsonNode) NODES.numberNode(new BigDecimal(t)))),
        Gen.w(1, Arbitraries.of(-0.0d, 1e308, Double.MIN_VALUE, 0.5).map(NODES::numberNode)));
  }

  /** Strings: the generated paths' keys, timestamps, ASL-looking text and hostile unicode. */
  static Arbitrary<String> strings() {
    return Gen.frequency(
        Gen.w(3, Arbitraries.of(KEYS)),
        Gen.w(
            2,
            Arbitraries.of(
                "",
                " ",
                "2024-01-01T00:00:00Z",
                "2024-01-01T00:00:01.5+01:00",
                "2024-13-01T00:00:00Z",
                "1",
                "-1",
                "1e3",
                "true",
                "null",
                "{\"a\":1}",
                "[1,2]",
                "$.a",
                "$$",
                "{% 1 %}",
                "States.Format('x')",
                "\\",
                "'",
                "\"",
                "{}",
                "é€😀",
                "\uD800",
                "\uDC00x",
                "\u0000\u0001\u001f",
                "\u202e\u200b",
                "a/b~c")),
        Gen.w(2, Arbitraries.strings().ofMaxLength(12)),
        Gen.w(1, Arbitraries.strings().all().ofMaxLength(8)),
        Gen.w(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(2000)));
  }

  static Arbitrary<JsonNode> objects(Arbitrary<JsonNode> members, int maxSize) {
    Arbitrary<String> keys = Gen.frequency(Gen.w(5, Arbitraries.of(KEYS)), Gen.w(1, strings()));
    return Combinators.combine(keys, members)
        .as(Map::entry)
        .list()
        .ofMaxSize(maxSize)
        .map(
            entries -> {
              ObjectNode o = NODES.objectNode();
              entries.forEach(e -> o.set(e.getKey(), e.getValue()));
              return (JsonNode) o;
            });
  }

  static Arbitrary<JsonNode> arrays(Arbitrary<JsonNode> elements, int maxSize) {
    return elements
        .list()
        .ofMaxSize(maxSize)
        .map(
            list -> {
              ArrayNode a = NODES.arrayNode();
              list.forEach(a::add);
              return (JsonNode) a;
            });
  }

  /** One chain nested 20 to 400 levels deep. */
  static Arbitrary<JsonNode> deep() {
    return Combinators.combine(Arbitraries.integers().between(20, 400), Arbitraries.of(true, false))
        .as(
            (levels, viaArrays) -> {
              JsonNode node = NODES.numberNode(1);
              for (int i = 0; i < levels; i++) {
                if (viaArrays) {
                  node = NODES.arrayNode().add(node);
                } else {
                  ObjectNode o = NODES.objectNode();
                  o.set(KEYS.get(i % KEYS.size()), node);
                  node = o;
                }
              }
              return node;
            });
  }

  /** One object or array with hundreds to thousands of members. */
  static Arbitrary<JsonNode> wide() {
    return Combinators.combine(
            Arbitraries.integers().between(100, 3000), Arbitraries.of(true, false))
        .as(
            (size, asArray) -> {
              if (asArray) {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; i < size; i++) {
                  a.add(i % 7 == 0 ? NODES.textNode("v" + i) : NODES.numberNode(i));
                }
                return a;
              }
              ObjectNode o = NODES.objectNode();
              for (int i = 0; i < size; i++) {
                o.put(i < KEYS.size() ? KEYS.get(i) : "k" + i, i);
              }
              return o;
            });
  }
}
