package io.statecraft.asl.property;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * JSONata expressions as Step Functions evaluates them: {@code $states} reads, variables, literals,
 * arithmetic, comparison, boolean and string operators, conditionals, blocks with bindings,
 * lambdas, path steps with predicates, array and object constructors, ranges, and calls of the
 * standard library and of AWS's additions. Nesting is bounded, so a well-formed expression always
 * terminates quickly; mutations may still produce anything.
 */
final class JsonataArbitraries {

  private JsonataArbitraries() {}

  private static final int MAX_DEPTH = 3;

  // Built once, innermost first.
  private static final List<Arbitrary<String>> EXPRESSIONS = buildExpressions();

  private static List<Arbitrary<String>> buildExpressions() {
    List<Arbitrary<String>> byDepth = new ArrayList<>();
    byDepth.add(Gen.shared(atoms()));
    for (int depth = 1; depth <= MAX_DEPTH; depth++) {
      byDepth.add(Gen.shared(expression(byDepth.get(depth - 1))));
    }
    return List.copyOf(byDepth);
  }

  /** Expression bodies (what goes between {@code {%} and {@code %}}). */
  static Arbitrary<String> expressions() {
    return EXPRESSIONS.get(MAX_DEPTH);
  }

  /** Shallower bodies, for fields that hold many of them. */
  static Arbitrary<String> smallExpressions() {
    return EXPRESSIONS.get(2);
  }

  /** Well-formed bodies and their mutations, half and half. */
  static Arbitrary<String> expressionsAndMutations() {
    return Built.MIXED;
  }

  private static final class Built {
    static final Arbitrary<String> MIXED =
        Gen.shared(Arbitraries.oneOf(expressions(), Mutations.of(expressions())));
    static final Arbitrary<String> FIELD_VALUES =
        Gen.shared(
            Gen.frequency(Gen.w(7, safeExpressions()), Gen.w(3, smallExpressions()))
                .map(b -> "{% " + b + " %}"));
  }

  /** A whole JSONata string value of a field: {@code {% body %}}. */
  static Arbitrary<String> fieldValues() {
    return Built.FIELD_VALUES;
  }

  /**
   * Expressions that evaluate without error on almost any input: reads wrapped in functions that
   * accept anything, and constructors. They let generated state machines run past their first
   * state; the rest of the grammar supplies the expressions that fail.
   */
  static Arbitrary<String> safeExpressions() {
    Arbitrary<String> reads =
        Arbitraries.of(
            "$states.input",
            "$states.input.n",
            "$states.input.s",
            "$states.input.items",
            "$states.input.nested.a",
            "$states.context.Execution.Input",
            "$states.context.State.Name",
            "$states.context.Execution.StartTime",
            "1",
            "\"text\"",
            "true",
            "null");
    Arbitrary<String> wrapped =
        Combinators.combine(
                Arbitraries.of(
                    "$string(%s)",
                    "$exists(%s)",
                    "$type(%s)",
                    "$count(%s)",
                    "[%s]",
                    "{\"v\": %s}",
                    "$string(%s) & \"!\"",
                    "$exists(%s) ? 1 : 2",
                    "$length($string(%s))",
                    "$uppercase($string(%s))",
                    "$hash($string(%s), 'SHA-256')",
                    "$partition([1, 2, 3], 2)",
                    "$uuid()",
                    "$now()",
                    "$millis()",
                    "$random()"),
                reads)
            .as((pattern, read) -> pattern.formatted(read));
    Arbitrary<String> defined =
        Arbitraries.of("$states.input", "$states.context.Execution.Input", "1", "\"text\"");
    return Gen.frequency(Gen.w(1, defined), Gen.w(5, wrapped));
  }

  /** Conditions for Choice rules that evaluate to a boolean on almost any input. */
  static Arbitrary<String> safeConditions() {
    return Arbitraries.of(
        "$exists($states.input.n)",
        "$type($states.input.n) = 'number' and $states.input.n > 2",
        "$states.input.flag = true",
        "$count($states.input.items) > 1",
        "$string($states.input.s) = 'a'",
        "$exists($v)",
        "$states.context.State.Name = 'Check'",
        "true",
        "false");
  }

  private static Arbitrary<String> expression(Arbitrary<String> sub) {
    return Gen.frequency(
        Gen.w(6, atoms()),
        Gen.w(
            3,
            Combinators.combine(sub, binaryOperators(), sub)
                .as((a, o, b) -> a + " " + o + " " + b)),
        Gen.w(1, Combinators.combine(sub, sub, sub).as((c, a, b) -> c + " ? " + a + " : " + b)),
        Gen.w(3, calls(sub)),
        Gen.w(1, sub.list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]")),
        Gen.w(
            1,
            Combinators.combine(Arbitraries.of(JsonArbitraries.KEYS), sub)
                .as((k, v) -> "{\"" + k + "\": " + v + "}")),
        Gen.w(1, Combinators.combine(sub, sub).as((a, b) -> "($x := " + a + "; " + b + ")")),
        Gen.w(1, sub.map(e -> "(" + e + ")")),
        Gen.w(1, Combinators.combine(sub, sub).as((a, b) -> a + "[" + b + "]")),
        Gen.w(1, sub.map(e -> "-" + e)),
        Gen.w(1, Arbitraries.of("[1..5]", "[0..0]", "[3..1]", "[1..$count]")));
  }

  static Arbitrary<String> atoms() {
    return Gen.frequency(
        Gen.w(5, statesReads()),
        Gen.w(2, Arbitraries.of(PathArbitraries.VARIABLES).map(v -> "$" + v)),
        Gen.w(
            3,
            Arbitraries.of(
                "1",
                "0",
                "-2",
                "3.5",
                "1e3",
                "1e308",
                "\"a\"",
                "\"\"",
                "'x y'",
                "\"é😀\"",
                "true",
                "false",
                "null",
                "[]",
                "{}",
                "\"2024-01-01T00:00:00Z\"")),
        Gen.w(1, Arbitraries.of("$x", "$nope", "$states")));
  }

  static Arbitrary<String> statesReads() {
    Arbitrary<String> steps =
        Gen.frequency(
                Gen.w(5, Arbitraries.of(JsonArbitraries.KEYS).map(k -> "." + k)),
                Gen.w(1, Arbitraries.of("[0]", "[-1]", "[n > 1]", "[$ = 'a']", ".*", ".`a b`")))
            .list()
            .ofMaxSize(3)
            .map(l -> String.join("", l));
    return Gen.frequency(
        Gen.w(6, steps.map(s -> "$states.input" + s)),
        Gen.w(
            2,
            Arbitraries.of(
                "$states.context.Execution.Id",
                "$states.context.Execution.Input",
                "$states.context.State.Name",
                "$states.context.State.EnteredTime",
                "$states.context")));
  }

  static Arbitrary<String> binaryOperators() {
    return Arbitraries.of(
        "+", "-", "*", "/", "%", "&", "=", "!=", "<", "<=", ">", ">=", "and", "or", "in");
  }

  static Arbitrary<String> calls(Arbitrary<String> sub) {
    Arbitrary<String> one =
        Combinators.combine(
                Arbitraries.of(
                    "$string",
                    "$number",
                    "$length",
                    "$uppercase",
                    "$lowercase",
                    "$trim",
                    "$count",
                    "$sum",
                    "$max",
                    "$min",
                    "$average",
                    "$keys",
                    "$exists",
                    "$type",
                    "$boolean",
                    "$not",
                    "$abs",
                    "$floor",
                    "$ceil",
                    "$round",
                    "$sqrt",
                    "$reverse",
                    "$sort",
                    "$distinct",
                    "$shuffle",
                    "$base64encode",
                    "$base64decode",
                    "$encodeUrl",
                    "$decodeUrl",
                    "$parse",
                    "$hash",
                    "$spread",
                    "$append",
                    "$millis",
                    "$now",
                    "$uuid",
                    "$random",
                    "$toMillis",
                    "$fromMillis"),
                sub.list().ofMaxSize(2))
            .as((f, args) -> f + "(" + String.join(", ", args) + ")");
    Arbitrary<String> two =
        Combinators.combine(
                Arbitraries.of(
                    "$substring",
                    "$substringBefore",
                    "$substringAfter",
                    "$join",
                    "$split",
                    "$contains",
                    "$pad",
                    "$power",
                    "$lookup",
                    "$merge",
                    "$zip",
                    "$partition",
                    "$range",
                    "$formatNumber",
                    "$formatBase",
                    "$replace",
                    "$match",
                    "$hash"),
                sub,
                sub)
            .as((f, a, b) -> f + "(" + a + ", " + b + ")");
    Arbitrary<String> higherOrder =
        Combinators.combine(
                Arbitraries.of("$map", "$filter", "$single"),
                sub,
                Arbitraries.of("$v * 2", "$v > 1", "$string($v)", "$i", "$exists($v)"))
            .as((f, a, body) -> f + "(" + a + ", function($v, $i) { " + body + " })");
    Arbitrary<String> reduce = sub.map(a -> "$reduce(" + a + ", function($acc, $v) { $acc + $v })");
    return Gen.frequency(Gen.w(5, one), Gen.w(4, two), Gen.w(1, higherOrder), Gen.w(1, reduce));
  }
}
