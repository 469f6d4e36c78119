package io.statecraft.asl.property;

import static io.statecraft.asl.property.JsonArbitraries.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.model.choice.ComparisonOperator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The values of the fields that the state grammar fills: templates, paths, retriers, rules. */
final class Values {

  private Values() {}

  /** An object of the entries; of two keys that differ only by {@code .$} the first stays. */
  private static ObjectNode entriesToObject(List<Map.Entry<String, JsonNode>> entries) {
    ObjectNode o = NODES.objectNode();
    java.util.Set<String> bases = new java.util.HashSet<>();
    for (Map.Entry<String, JsonNode> e : entries) {
      String key = e.getKey();
      if (bases.add(key.endsWith(".$") ? key.substring(0, key.length() - 2) : key)) {
        o.set(key, e.getValue());
      }
    }
    return o;
  }

  private static ArrayNode toArray(List<? extends JsonNode> nodes) {
    ArrayNode a = NODES.arrayNode();
    nodes.forEach(a::add);
    return a;
  }

  /**
   * An entry of a JSONPath payload template: a path, an intrinsic call or a literal.
   *
   * @param nested templates that may appear as values, or {@code null} for none
   */
  static Arbitrary<Map.Entry<String, JsonNode>> jsonPathTemplateEntry(Arbitrary<JsonNode> nested) {
    Arbitrary<String> keys = Arbitraries.of(JsonArbitraries.KEYS);
    Arbitrary<Map.Entry<String, JsonNode>> dynamic =
        Combinators.combine(
                keys,
                Gen.frequency(
                    Gen.w(5, PathArbitraries.safePaths()),
                    Gen.w(2, PathArbitraries.paths()),
                    Gen.w(3, IntrinsicArbitraries.wellTypedCalls())))
            .as((k, v) -> Map.entry(k + ".$", NODES.textNode(v)));
    Arbitrary<Map.Entry<String, JsonNode>> literal =
        Combinators.combine(keys, JsonArbitraries.values(1)).as(Map::entry);
    if (nested == null) {
      return Arbitraries.oneOf(dynamic, literal);
    }
    return Gen.frequency(
        Gen.w(4, dynamic),
        Gen.w(2, literal),
        Gen.w(1, Combinators.combine(keys, nested).as(Map::entry)));
  }

  static Arbitrary<JsonNode> payloadTemplate() {
    return Built.PAYLOAD_TEMPLATE;
  }

  private static final class Built {
    static final Arbitrary<JsonNode> FLAT_TEMPLATE =
        Gen.shared(template(jsonPathTemplateEntry(null)));
    static final Arbitrary<JsonNode> PAYLOAD_TEMPLATE =
        Gen.shared(template(jsonPathTemplateEntry(FLAT_TEMPLATE)));
    static final Arbitrary<JsonNode> COMPARISON =
        Gen.shared(comparison(Gen.shared(comparison(Gen.shared(comparison(null))))));
  }

  private static Arbitrary<JsonNode> template(Arbitrary<Map.Entry<String, JsonNode>> entries) {
    return entries.list().ofMaxSize(4).map(Values::entriesToObject);
  }

  static Arbitrary<JsonNode> resultPaths() {
    return Gen.frequency(
        Gen.w(5, PathArbitraries.inputReferencePaths().map(p -> (JsonNode) NODES.textNode(p))),
        Gen.w(1, Arbitraries.just(NODES.nullNode())));
  }

  /** Assign: a variable name per entry, with a JSONPath or JSONata value. */
  static Arbitrary<JsonNode> assign(boolean jsonata) {
    Arbitrary<String> names = Arbitraries.of(PathArbitraries.VARIABLES);
    Arbitrary<Map.Entry<String, JsonNode>> entry;
    if (jsonata) {
      entry =
          Combinators.combine(
                  names,
                  Gen.frequency(
                      Gen.w(
                          3,
                          JsonataArbitraries.fieldValues().map(s -> (JsonNode) NODES.textNode(s))),
                      Gen.w(1, JsonArbitraries.values(1))))
              .as(Map::entry);
    } else {
      entry =
          Arbitraries.oneOf(
              Combinators.combine(
                      names,
                      Gen.frequency(
                          Gen.w(5, PathArbitraries.safePaths()),
                          Gen.w(2, PathArbitraries.referencePaths()),
                          Gen.w(3, IntrinsicArbitraries.wellTypedCalls())))
                  .as((n, v) -> Map.entry(n + ".$", (JsonNode) NODES.textNode(v))),
              Combinators.combine(names, JsonArbitraries.values(1)).as(Map::entry));
    }
    return entry.list().ofMinSize(1).ofMaxSize(3).map(Values::entriesToObject);
  }

  static Arbitrary<JsonNode> jsonataAny() {
    return Gen.frequency(
        Gen.w(4, JsonataArbitraries.fieldValues().map(s -> (JsonNode) NODES.textNode(s))),
        Gen.w(2, jsonataObject()),
        Gen.w(1, JsonArbitraries.values(1)));
  }

  /** An object whose values are JSONata strings or literals, nested once. */
  static Arbitrary<JsonNode> jsonataObject() {
    Arbitrary<Map.Entry<String, JsonNode>> entry =
        Combinators.combine(
                Arbitraries.of(JsonArbitraries.KEYS),
                Gen.frequency(
                    Gen.w(
                        4, JsonataArbitraries.fieldValues().map(s -> (JsonNode) NODES.textNode(s))),
                    Gen.w(1, JsonArbitraries.values(1)),
                    Gen.w(
                        1,
                        JsonataArbitraries.fieldValues()
                            .list()
                            .ofMaxSize(2)
                            .map(
                                l ->
                                    (JsonNode) toArray(l.stream().map(NODES::textNode).toList())))))
            .as(Map::entry);
    return entry.list().ofMaxSize(4).map(Values::entriesToObject);
  }

  static Arbitrary<JsonNode> jsonataObjectOrExpression() {
    return Gen.frequency(
        Gen.w(3, jsonataObject()),
        Gen.w(1, JsonataArbitraries.fieldValues().map(s -> (JsonNode) NODES.textNode(s))));
  }

  // ------------------------------------------------------------------ Retry and Catch

  static Arbitrary<JsonNode> errorEquals(boolean last) {
    Arbitrary<List<String>> names =
        Arbitraries.of(
                DefinitionArbitraries.ERROR_NAMES.subList(
                    1, DefinitionArbitraries.ERROR_NAMES.size()))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .uniqueElements();
    Arbitrary<List<String>> withAll =
        last ? Arbitraries.oneOf(names, Arbitraries.just(List.of("States.ALL"))) : names;
    return withAll.map(l -> (JsonNode) toArray(l.stream().map(NODES::textNode).toList()));
  }

  static Arbitrary<JsonNode> retriers() {
    Arbitrary<JsonNode> inner = retrier(false);
    Arbitrary<JsonNode> last = retrier(true);
    return Combinators.combine(inner.list().ofMaxSize(2), last)
        .as(
            (l, end) -> {
              ArrayNode a = toArray(l);
              a.add(end);
              return (JsonNode) a;
            });
  }

  private static Arbitrary<JsonNode> retrier(boolean last) {
    return Combinators.combine(
            errorEquals(last),
            Arbitraries.of(1, 2, 30).injectNull(0.4),
            Arbitraries.of(0, 1, 2, 5, 99_999_999).injectNull(0.3),
            Arbitraries.of(1.0, 1.5, 2.0).injectNull(0.5),
            Arbitraries.of(1, 10).injectNull(0.7),
            Arbitraries.of("FULL", "NONE").injectNull(0.7))
        .as(
            (errors, interval, attempts, backoff, maxDelay, jitter) -> {
              ObjectNode r = NODES.objectNode();
              r.set("ErrorEquals", errors);
              if (interval != null) {
                r.put("IntervalSeconds", interval);
              }
              if (attempts != null) {
                r.put("MaxAttempts", attempts);
              }
              if (backoff != null) {
                r.put("BackoffRate", backoff);
              }
              if (maxDelay != null) {
                r.put("MaxDelaySeconds", maxDelay);
              }
              if (jitter != null) {
                r.put("JitterStrategy", jitter);
              }
              return (JsonNode) r;
            });
  }

  /** Catchers without {@code Next}: the graph wiring adds it. */
  static Arbitrary<JsonNode> catchers(boolean jsonata) {
    return Combinators.combine(catcher(false, jsonata).list().ofMaxSize(1), catcher(true, jsonata))
        .as(
            (l, end) -> {
              ArrayNode a = toArray(l);
              a.add(end);
              return (JsonNode) a;
            });
  }

  private static Arbitrary<JsonNode> catcher(boolean last, boolean jsonata) {
    Arbitrary<JsonNode> output =
        jsonata
            ? Arbitraries.of(
                    "{% $states.errorOutput %}",
                    "{% $states.input %}", "{% $states.errorOutput.Cause %}")
                .map(s -> (JsonNode) NODES.textNode(s))
                .injectNull(0.5)
            : Values.resultPaths().injectNull(0.5);
    return Combinators.combine(errorEquals(last), output, assign(jsonata).injectNull(0.8))
        .as(
            (errors, out, assign) -> {
              ObjectNode c = NODES.objectNode();
              c.set("ErrorEquals", errors);
              if (out != null) {
                c.set(jsonata ? "Output" : "ResultPath", out);
              }
              if (assign != null) {
                c.set("Assign", assign);
              }
              return (JsonNode) c;
            });
  }

  // ------------------------------------------------------------------ Choice

  /** Choice rules without {@code Next}: the graph wiring adds it. */
  static Arbitrary<JsonNode> choiceRules(boolean jsonata) {
    Arbitrary<JsonNode> rule =
        jsonata
            ? Combinators.combine(
                    JsonataArbitraries.expressions()
                        .map(e -> "{% " + e + " %}")
                        .map(s -> (JsonNode) NODES.textNode(s)),
                    JsonataArbitraries.safeConditions()
                        .map(e -> "{% " + e + " %}")
                        .map(s -> (JsonNode) NODES.textNode(s)),
                    Arbitraries.of(false, false, false, false, true),
                    assign(true).injectNull(0.8),
                    Values.jsonataAny().injectNull(0.8))
                .as(
                    (random, simple, useRandom, assign, output) -> {
                      ObjectNode r = NODES.objectNode();
                      r.set("Condition", useRandom ? random : simple);
                      if (assign != null) {
                        r.set("Assign", assign);
                      }
                      if (output != null) {
                        r.set("Output", output);
                      }
                      return (JsonNode) r;
                    })
            : Combinators.combine(Built.COMPARISON, assign(false).injectNull(0.85))
                .as(
                    (r, assign) -> {
                      ObjectNode copy = ((ObjectNode) r).deepCopy();
                      if (assign != null) {
                        copy.set("Assign", assign);
                      }
                      return (JsonNode) copy;
                    });
    return rule.list().ofMinSize(1).ofMaxSize(3).map(Values::toArray);
  }

  /**
   * A JSONPath Choice rule: a comparison, or And/Or/Not over rules.
   *
   * @param sub rules that may appear inside And, Or and Not, or {@code null} for none
   */
  static Arbitrary<JsonNode> comparison(Arbitrary<JsonNode> sub) {
    Arbitrary<JsonNode> leaf =
        Combinators.combine(
                Gen.frequency(
                    Gen.w(6, Arbitraries.of("$.n", "$.s", "$.flag", "$.when", "$$.State.Name")),
                    Gen.w(1, Arbitraries.of("$.a", "$.nested.a", "$v", "$.list[0]"))),
                Arbitraries.of(ComparisonOperator.values()),
                Arbitraries.of(1, 2, 3))
            .as(
                (variable, op, which) -> {
                  ObjectNode r = NODES.objectNode();
                  r.put("Variable", variable);
                  r.set(op.aslName(), operand(op, which));
                  return (JsonNode) r;
                });
    if (sub == null) {
      return leaf;
    }
    return Gen.frequency(
        Gen.w(5, leaf),
        Gen.w(
            1,
            Combinators.combine(Arbitraries.of("And", "Or"), sub.list().ofMinSize(1).ofMaxSize(3))
                .as(
                    (op, rules) -> {
                      ObjectNode r = NODES.objectNode();
                      r.set(op, toArray(rules));
                      return (JsonNode) r;
                    })),
        Gen.w(
            1,
            sub.map(
                s -> {
                  ObjectNode r = NODES.objectNode();
                  r.set("Not", s);
                  return (JsonNode) r;
                })));
  }

  private static JsonNode operand(ComparisonOperator op, int which) {
    String name = op.aslName();
    if (name.endsWith("Path")) {
      return NODES.textNode(which == 1 ? "$.n" : which == 2 ? "$.s" : "$.when");
    }
    if (name.startsWith("Is")) {
      return NODES.booleanNode(which != 2);
    }
    if (name.startsWith("String")) {
      return NODES.textNode(
          name.equals("StringMatches") ? (which == 1 ? "a*" : "\\*x") : which == 1 ? "a" : "");
    }
    if (name.startsWith("Numeric")) {
      return which == 1 ? NODES.numberNode(3) : NODES.numberNode(-1.5);
    }
    if (name.startsWith("Boolean")) {
      return NODES.booleanNode(which == 1);
    }
    return NODES.textNode(which == 1 ? "2024-01-01T00:00:00Z" : "2030-06-01T12:00:00.5+02:00");
  }

  static Arbitrary<JsonNode> itemBatcher() {
    return Combinators.combine(
            Arbitraries.of(1, 2, 10).injectNull(0.3),
            Arbitraries.of(100, 262144).injectNull(0.7),
            Arbitraries.of(JsonArbitraries.NODES.objectNode().put("k", 1)).injectNull(0.7))
        .as(
            (items, bytes, batchInput) -> {
              ObjectNode b = NODES.objectNode();
              if (items != null) {
                b.put("MaxItemsPerBatch", items);
              }
              if (bytes != null || items == null) {
                b.put("MaxInputBytesPerBatch", bytes == null ? 1000 : bytes);
              }
              if (batchInput != null) {
                b.set("BatchInput", batchInput);
              }
              return (JsonNode) b;
            });
  }
}
