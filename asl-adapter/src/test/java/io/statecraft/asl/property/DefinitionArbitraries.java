package io.statecraft.asl.property;

import static io.statecraft.asl.property.JsonArbitraries.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * State machine definitions from a grammar of every state type and field, in both query languages,
 * and mutations of them.
 *
 * <p>A grammar definition is built to be valid: its states form a spine (each non-terminal state
 * goes on to the next one, a Choice by its {@code Default}), so every state is reachable and a
 * terminal state is always in reach; Choice rules and catchers jump anywhere, loops included.
 * Parallel branches and Map processors are graphs of the same grammar, nested up to two levels.
 * Field values come from the path, intrinsic and JSONata grammars, so most definitions read without
 * errors and run far into the interpreter; the mutations then break them in the ways a hand-edited
 * definition breaks.
 */
final class DefinitionArbitraries {

  /** The Task resources the generated definitions use; {@link Tasks} gives each its behaviour. */
  static final List<String> RESOURCES =
      List.of(
          Tasks.ECHO,
          Tasks.LAMBDA_INVOKE,
          Tasks.FLAKY,
          Tasks.FAILING,
          Tasks.SLOW,
          Tasks.CALLBACK,
          Tasks.CRASHING,
          Tasks.UNREGISTERED);

  static final List<String> ERROR_NAMES =
      List.of(
          "States.ALL",
          "States.TaskFailed",
          "States.Timeout",
          "States.HeartbeatTimeout",
          "States.Runtime",
          "States.QueryEvaluationError",
          "States.IntrinsicFailure",
          "States.ResultPathMatchFailure",
          "States.BranchFailed",
          "States.ExceedToleratedFailureThreshold",
          "Flaky",
          "Work.Failed",
          "IllegalStateException");

  private static final List<String> STATE_NAMES =
      List.of("Start", "Charge card", "Check", "Wait a bit", "a/b~c", "Ünïcode", "x[0]", "#@%");

  private DefinitionArbitraries() {}

  /** Whole definitions of the grammar, as JSON trees. */
  static Arbitrary<ObjectNode> definitions() {
    return Built.DEFINITIONS;
  }

  // Built once, after the graphs they are made of.
  private static final class Built {
    static final Arbitrary<ObjectNode> DEFINITIONS =
        Gen.shared(
            Arbitraries.oneOf(definitions(false), definitions(true)).map(Uniqueness::renameStates));
  }

  private static Arbitrary<ObjectNode> definitions(boolean jsonata) {
    return Combinators.combine(
            graph(0, jsonata),
            Arbitraries.integers().between(1, 3600).injectNull(0.7),
            Arbitraries.of("1.0", "Version").injectNull(0.8),
            Arbitraries.just("A comment").injectNull(0.8))
        .as(
            (graph, timeout, version, comment) -> {
              ObjectNode root = NODES.objectNode();
              if (jsonata) {
                root.put("QueryLanguage", "JSONata");
              }
              if (comment != null) {
                root.put("Comment", comment);
              }
              root.setAll(graph);
              if (timeout != null) {
                root.put("TimeoutSeconds", timeout);
              }
              if (version != null) {
                root.put("Version", version);
              }
              return root;
            });
  }

  /** Definitions of the grammar, mutated: fields deleted, duplicated, retyped, swapped, … */
  static Arbitrary<ObjectNode> mutatedDefinitions() {
    return Combinators.combine(
            definitions(), TreeMutations.edits().list().ofMinSize(1).ofMaxSize(4))
        .as(TreeMutations::apply);
  }

  // ------------------------------------------------------------------ graphs

  /** A state as generated before it is wired into its graph. */
  record Body(ObjectNode node, Kind kind) {}

  enum Kind {
    /** Goes on by {@code Next} or ends by {@code End}. */
    FLOW,
    /** A Choice: its rules carry {@code Next}; {@code Default} continues the spine. */
    CHOICE,
    /** Succeed or Fail. */
    TERMINAL
  }

  /** The deepest nesting of Parallel and Map states the grammar produces. */
  private static final int MAX_DEPTH = 2;

  // Built once, innermost first: an arbitrary is a recipe, and rebuilding the recipe for every
  // value would cost far more than generating the value.
  private static final Map<String, Arbitrary<ObjectNode>> GRAPHS = buildGraphs();

  private static Map<String, Arbitrary<ObjectNode>> buildGraphs() {
    Map<String, Arbitrary<ObjectNode>> graphs = new java.util.HashMap<>();
    for (int depth = MAX_DEPTH; depth >= 0; depth--) {
      for (boolean jsonata : new boolean[] {false, true}) {
        graphs.put(key(depth, jsonata), Gen.shared(buildGraph(depth, jsonata, graphs)));
      }
    }
    return Map.copyOf(graphs);
  }

  private static String key(int depth, boolean jsonata) {
    return depth + (jsonata ? "JSONata" : "JSONPath");
  }

  /** {@code StartAt} and {@code States} of a graph nested {@code depth} levels deep. */
  static Arbitrary<ObjectNode> graph(int depth, boolean jsonata) {
    return GRAPHS.get(key(depth, jsonata));
  }

  private static Arbitrary<ObjectNode> buildGraph(
      int depth, boolean jsonata, Map<String, Arbitrary<ObjectNode>> graphs) {
    int max = depth == 0 ? 5 : 3;
    Arbitrary<List<Body>> inner =
        flowOrChoice(depth, jsonata, graphs).list().ofMinSize(0).ofMaxSize(max - 1);
    return Combinators.combine(
            inner,
            anyBody(depth, jsonata, graphs),
            Arbitraries.integers().between(0, 1000).list().ofSize(12),
            Arbitraries.of(STATE_NAMES).list().ofSize(max))
        .as(DefinitionArbitraries::wire);
  }

  private static ObjectNode wire(
      List<Body> inner, Body last, List<Integer> picks, List<String> names) {
    List<Body> bodies = new ArrayList<>(inner);
    if (last.kind() == Kind.CHOICE) {
      bodies.add(last);
      bodies.add(new Body(succeed(), Kind.TERMINAL));
    } else {
      bodies.add(last);
    }
    int n = bodies.size();
    List<String> stateNames = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String name = i < names.size() ? names.get(i) : "S" + i;
      while (!used.add(name)) {
        name = name + i;
      }
      stateNames.add(name);
    }
    int[] pick = {0};
    java.util.function.Supplier<String> anyTarget =
        () -> stateNames.get(picks.get(pick[0]++ % picks.size()) % n);
    ObjectNode states = NODES.objectNode();
    for (int i = 0; i < n; i++) {
      ObjectNode s = bodies.get(i).node().deepCopy();
      boolean lastState = i == n - 1;
      switch (bodies.get(i).kind()) {
        case FLOW -> {
          if (lastState) {
            s.put("End", true);
          } else {
            s.put("Next", stateNames.get(i + 1));
          }
        }
        case CHOICE -> {
          for (JsonNode rule : s.withArray("Choices")) {
            ((ObjectNode) rule).put("Next", anyTarget.get());
          }
          s.put("Default", stateNames.get(i + 1));
        }
        case TERMINAL -> {}
      }
      if (s.has("Catch")) {
        for (JsonNode catcher : s.withArray("Catch")) {
          ((ObjectNode) catcher).put("Next", anyTarget.get());
        }
      }
      states.set(stateNames.get(i), s);
    }
    ObjectNode graph = NODES.objectNode();
    graph.put("StartAt", stateNames.get(0));
    graph.set("States", states);
    return graph;
  }

  private static ObjectNode succeed() {
    ObjectNode s = NODES.objectNode();
    s.put("Type", "Succeed");
    return s;
  }

  private static Arbitrary<Body> flowOrChoice(
      int depth, boolean jsonata, Map<String, Arbitrary<ObjectNode>> graphs) {
    List<Gen.Weighted<Body>> kinds = new ArrayList<>();
    kinds.add(Gen.w(4, pass(jsonata)));
    kinds.add(Gen.w(4, task(jsonata)));
    kinds.add(Gen.w(3, choice(jsonata)));
    kinds.add(Gen.w(1, waitState(jsonata)));
    if (depth < MAX_DEPTH) {
      Arbitrary<ObjectNode> nested = graphs.get(key(depth + 1, jsonata));
      kinds.add(Gen.w(1, parallel(nested, jsonata)));
      kinds.add(Gen.w(2, map(nested, jsonata, false)));
      kinds.add(Gen.w(1, map(nested, jsonata, true)));
    }
    return Gen.frequency(kinds);
  }

  private static Arbitrary<Body> anyBody(
      int depth, boolean jsonata, Map<String, Arbitrary<ObjectNode>> graphs) {
    return Gen.frequency(
        Gen.w(5, flowOrChoice(depth, jsonata, graphs)),
        Gen.w(2, succeedState(jsonata)),
        Gen.w(2, failState(jsonata)));
  }

  // ------------------------------------------------------------------ states

  /** One optional field of an object under construction. */
  private record Field(String name, JsonNode value) {}

  private static Arbitrary<Field> field(String name, Arbitrary<JsonNode> values, double presence) {
    return values.map(v -> new Field(name, v)).injectNull(1.0 - presence);
  }

  private static Arbitrary<Field> text(String name, Arbitrary<String> values, double presence) {
    return field(name, values.map(NODES::textNode), presence);
  }

  private static Arbitrary<Field> fixed(String name, JsonNode value) {
    return Arbitraries.just(new Field(name, value));
  }

  private static Arbitrary<ObjectNode> object(List<Arbitrary<Field>> fields) {
    return Combinators.combine(fields)
        .as(
            list -> {
              ObjectNode o = NODES.objectNode();
              for (Field f : list) {
                if (f != null && !o.has(f.name())) {
                  o.set(f.name(), f.value());
                }
              }
              return o;
            });
  }

  /** A state whose own {@code QueryLanguage} is set now and then. */
  private static Arbitrary<Field> ownLanguage(boolean jsonata) {
    return text("QueryLanguage", Arbitraries.just(jsonata ? "JSONata" : "JSONPath"), 0.1);
  }

  /** InputPath and OutputPath: mostly paths that always select something. */
  private static Arbitrary<String> ioPaths() {
    return Gen.frequency(
        Gen.w(3, Arbitraries.of("$", "$$.Execution.Input", "$$.State")),
        Gen.w(2, PathArbitraries.referencePaths()));
  }

  private static Arbitrary<Field> comment() {
    return text("Comment", Arbitraries.of("", "does things", "é😀"), 0.1);
  }

  private static Arbitrary<Body> pass(boolean jsonata) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Pass")));
    f.add(comment());
    f.add(ownLanguage(jsonata));
    f.add(field("Assign", Values.assign(jsonata), 0.3));
    if (jsonata) {
      f.add(field("Output", Values.jsonataAny(), 0.6));
    } else {
      f.add(text("InputPath", ioPaths(), 0.15));
      f.add(field("Result", JsonArbitraries.values(2), 0.3));
      f.add(field("Parameters", Values.payloadTemplate(), 0.4));
      f.add(field("ResultPath", Values.resultPaths(), 0.3));
      f.add(text("OutputPath", ioPaths(), 0.15));
    }
    return object(f).map(o -> new Body(o, Kind.FLOW));
  }

  private static Arbitrary<Body> task(boolean jsonata) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Task")));
    f.add(text("Resource", Arbitraries.of(RESOURCES), 1.0));
    f.add(comment());
    f.add(ownLanguage(jsonata));
    f.add(field("Assign", Values.assign(jsonata), 0.2));
    f.add(field("Retry", Values.retriers(), 0.4));
    f.add(field("Catch", Values.catchers(jsonata), 0.4));
    f.add(field("HeartbeatSeconds", Arbitraries.of(1, 5).map(NODES::numberNode), 0.1));
    if (jsonata) {
      f.add(field("Arguments", Values.jsonataObjectOrExpression(), 0.5));
      f.add(field("Output", Values.jsonataAny(), 0.4));
      f.add(
          field(
              "TimeoutSeconds",
              Arbitraries.oneOf(
                  Arbitraries.of(10, 60, 3600).map(i -> (JsonNode) NODES.numberNode(i)),
                  Arbitraries.of("{% 20 %}", "{% $states.input.n %}", "{% 0 %}")
                      .map(s -> (JsonNode) NODES.textNode(s))),
              0.3));
    } else {
      f.add(text("InputPath", ioPaths(), 0.15));
      f.add(field("Parameters", Values.payloadTemplate(), 0.4));
      f.add(field("ResultSelector", Values.payloadTemplate(), 0.3));
      f.add(field("ResultPath", Values.resultPaths(), 0.3));
      f.add(text("OutputPath", ioPaths(), 0.15));
      f.add(
          Arbitraries.oneOf(
              field("TimeoutSeconds", Arbitraries.of(10, 60, 3600).map(NODES::numberNode), 0.2),
              text(
                  "TimeoutSecondsPath",
                  Arbitraries.of("$.n", "$.timeout", "$$.State.RetryCount"),
                  0.1)));
    }
    return object(f)
        .map(
            o -> {
              // HeartbeatSeconds must stay below TimeoutSeconds; without a literal timeout, drop it
              // half the time to keep both shapes.
              JsonNode t = o.get("TimeoutSeconds");
              if (o.has("HeartbeatSeconds")
                  && (o.has("TimeoutSecondsPath") || (t != null && !t.isNumber()))) {
                o.remove("HeartbeatSeconds");
              }
              return new Body(o, Kind.FLOW);
            });
  }

  private static Arbitrary<Body> choice(boolean jsonata) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Choice")));
    f.add(comment());
    f.add(ownLanguage(jsonata));
    f.add(field("Choices", Values.choiceRules(jsonata), 1.0));
    f.add(field("Assign", Values.assign(jsonata), 0.2));
    if (jsonata) {
      f.add(field("Output", Values.jsonataAny(), 0.3));
    } else {
      f.add(text("InputPath", ioPaths(), 0.1));
      f.add(text("OutputPath", ioPaths(), 0.1));
    }
    return object(f).map(o -> new Body(o, Kind.CHOICE));
  }

  private static Arbitrary<Body> waitState(boolean jsonata) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Wait")));
    f.add(comment());
    f.add(field("Assign", Values.assign(jsonata), 0.2));
    if (jsonata) {
      f.add(
          Arbitraries.oneOf(
              field("Seconds", Arbitraries.of(0, 1, 30, 99_999_999).map(NODES::numberNode), 1.0),
              text("Seconds", Arbitraries.of("{% 5 %}", "{% $states.input.n %}", "{% -1 %}"), 1.0),
              text(
                  "Timestamp",
                  Arbitraries.of(
                      "2024-01-01T00:00:10Z", "{% $states.input.when %}", "{% $now() %}"),
                  1.0)));
      f.add(field("Output", Values.jsonataAny(), 0.2));
    } else {
      f.add(
          Arbitraries.oneOf(
              field("Seconds", Arbitraries.of(0, 1, 30, 99_999_999).map(NODES::numberNode), 1.0),
              text("SecondsPath", Arbitraries.of("$.n", "$.a", "$count"), 1.0),
              text(
                  "Timestamp", Arbitraries.of("2024-01-01T00:00:10Z", "2023-01-01T00:00:00Z"), 1.0),
              text("TimestampPath", Arbitraries.of("$.when", "$.s"), 1.0)));
      f.add(text("InputPath", ioPaths(), 0.1));
      f.add(text("OutputPath", ioPaths(), 0.1));
    }
    return object(f).map(o -> new Body(o, Kind.FLOW));
  }

  private static Arbitrary<Body> succeedState(boolean jsonata) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Succeed")));
    f.add(comment());
    if (jsonata) {
      f.add(field("Output", Values.jsonataAny(), 0.4));
    } else {
      f.add(text("InputPath", ioPaths(), 0.15));
      f.add(text("OutputPath", ioPaths(), 0.15));
    }
    return object(f).map(o -> new Body(o, Kind.TERMINAL));
  }

  private static Arbitrary<Body> failState(boolean jsonata) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Fail")));
    f.add(comment());
    if (jsonata) {
      f.add(
          text(
              "Error",
              Arbitraries.of("Custom.Error", "{% 'E' & $states.input.s %}", "{% 1 %}"),
              0.7));
      f.add(text("Cause", Arbitraries.of("why", "{% $string($states.input) %}"), 0.5));
    } else {
      f.add(
          Arbitraries.oneOf(
              text("Error", Arbitraries.of("Custom.Error", ""), 0.7),
              text("ErrorPath", Arbitraries.of("$.s", "$.a", "States.Format('E{}', $.n)"), 0.7)));
      f.add(
          Arbitraries.oneOf(
              text("Cause", Arbitraries.of("why", "é😀"), 0.5),
              text("CausePath", Arbitraries.of("$.s", "States.JsonToString($)"), 0.5)));
    }
    return object(f).map(o -> new Body(o, Kind.TERMINAL));
  }

  private static Arbitrary<Body> parallel(Arbitrary<ObjectNode> nested, boolean jsonata) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Parallel")));
    f.add(
        field(
            "Branches",
            nested
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(
                    l -> {
                      ArrayNode a = NODES.arrayNode();
                      l.forEach(a::add);
                      return (JsonNode) a;
                    }),
            1.0));
    f.add(field("Retry", Values.retriers(), 0.2));
    f.add(field("Catch", Values.catchers(jsonata), 0.3));
    f.add(field("Assign", Values.assign(jsonata), 0.2));
    if (jsonata) {
      f.add(field("Arguments", Values.jsonataObjectOrExpression(), 0.3));
      f.add(field("Output", Values.jsonataAny(), 0.3));
    } else {
      f.add(field("Parameters", Values.payloadTemplate(), 0.3));
      f.add(field("ResultSelector", Values.payloadTemplate(), 0.2));
      f.add(field("ResultPath", Values.resultPaths(), 0.3));
    }
    return object(f).map(o -> new Body(o, Kind.FLOW));
  }

  private static Arbitrary<Body> map(
      Arbitrary<ObjectNode> nested, boolean jsonata, boolean distributed) {
    List<Arbitrary<Field>> f = new ArrayList<>();
    f.add(fixed("Type", NODES.textNode("Map")));
    f.add(
        field(
            "ItemProcessor",
            nested.map(
                g -> {
                  ObjectNode p = g.deepCopy();
                  ObjectNode config = NODES.objectNode();
                  config.put("Mode", distributed ? "DISTRIBUTED" : "INLINE");
                  if (distributed) {
                    config.put("ExecutionType", "STANDARD");
                  }
                  p.set("ProcessorConfig", config);
                  return (JsonNode) p;
                }),
            1.0));
    f.add(field("MaxConcurrency", Arbitraries.of(0, 1, 2, 40).map(NODES::numberNode), 0.3));
    f.add(field("Retry", Values.retriers(), 0.2));
    f.add(field("Catch", Values.catchers(jsonata), 0.3));
    f.add(field("Assign", Values.assign(jsonata), 0.2));
    if (distributed) {
      // Labels are unique across the state machine.
      f.add(text("Label", Arbitraries.strings().alpha().ofLength(8), 0.3));
      f.add(field("ToleratedFailureCount", Arbitraries.of(0, 1, 5).map(NODES::numberNode), 0.3));
      f.add(
          field(
              "ToleratedFailurePercentage",
              Arbitraries.of(0, 50, 100).map(NODES::numberNode),
              0.2));
      f.add(field("ItemBatcher", Values.itemBatcher(), 0.3));
    }
    if (jsonata) {
      f.add(
          text(
              "Items",
              Arbitraries.of(
                  "{% $states.input.items %}",
                  "{% [1, 2, 3] %}", "{% $states.input.list %}", "{% $states.input %}"),
              0.6));
      f.add(field("ItemSelector", Values.jsonataObject(), 0.3));
      f.add(field("Output", Values.jsonataAny(), 0.3));
    } else {
      f.add(
          text(
              "ItemsPath",
              Gen.frequency(
                  Gen.w(6, Arbitraries.of("$.items", "$$.Execution.Input.items")),
                  Gen.w(1, Arbitraries.of("$.list", "$", "$.a", "$v"))),
              1.0));
      f.add(field("ItemSelector", Values.payloadTemplate(), 0.3));
      f.add(field("ResultSelector", Values.payloadTemplate(), 0.2));
      f.add(field("ResultPath", Values.resultPaths(), 0.3));
    }
    return object(f).map(o -> new Body(o, Kind.FLOW));
  }
}
