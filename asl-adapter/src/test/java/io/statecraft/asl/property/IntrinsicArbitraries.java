package io.statecraft.asl.property;

import io.statecraft.asl.expr.intrinsic.IntrinsicFunction;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Intrinsic calls of all 18 functions: with arguments of the types each function takes (literals,
 * paths and nested calls), with arguments of the wrong type or number, and nested up to four deep.
 */
final class IntrinsicArbitraries {

  private IntrinsicArbitraries() {}

  /** How deep calls nest inside the arguments of calls. */
  private static final int MAX_DEPTH = 3;

  // Built once, innermost first.
  private static final List<Arbitrary<String>> WELL_TYPED = buildWellTyped();

  private static List<Arbitrary<String>> buildWellTyped() {
    List<Arbitrary<String>> byDepth = new ArrayList<>();
    for (int depth = 0; depth <= MAX_DEPTH; depth++) {
      Arbitrary<String> inner = depth == 0 ? null : byDepth.get(depth - 1);
      List<Arbitrary<String>> perFunction = new ArrayList<>();
      for (IntrinsicFunction f : IntrinsicFunction.values()) {
        perFunction.add(wellTyped(f, inner));
      }
      byDepth.add(Gen.shared(Arbitraries.oneOf(perFunction)));
    }
    return List.copyOf(byDepth);
  }

  /** Calls whose arguments fit the functions' signatures, as far as literals can tell. */
  static Arbitrary<String> wellTypedCalls() {
    return WELL_TYPED.get(MAX_DEPTH);
  }

  /** Calls with any arguments at all, of any number. */
  static Arbitrary<String> anyCalls() {
    return Built.ANY;
  }

  /** A mix of well-typed calls, ill-typed calls and mutations of both. */
  static Arbitrary<String> callsAndMutations() {
    return Built.MIXED;
  }

  private static final class Built {
    static final Arbitrary<String> ANY = Gen.shared(anyCall(WELL_TYPED.get(MAX_DEPTH - 1)));
    static final Arbitrary<String> MIXED =
        Gen.frequency(
            Gen.w(3, wellTypedCalls()), Gen.w(2, ANY), Gen.w(2, Mutations.of(wellTypedCalls())));
  }

  /**
   * Calls of one function with arguments of the right types.
   *
   * @param inner calls that may appear as arguments, or {@code null} for none
   */
  private static Arbitrary<String> wellTyped(IntrinsicFunction f, Arbitrary<String> inner) {
    Arbitrary<String> string = nested(inner, stringLiterals());
    Arbitrary<String> number = nested(inner, integerLiterals());
    Arbitrary<String> integer = nested(inner, integerLiterals());
    Arbitrary<String> array = nested(inner, arrayLiterals());
    Arbitrary<String> json = nested(inner, anyLiterals());
    return switch (f) {
      case FORMAT -> {
        List<Arbitrary<String>> byPlaceholders = new ArrayList<>();
        for (int n = 0; n <= 3; n++) {
          byPlaceholders.add(
              Combinators.combine(formatTemplate(n), json.list().ofSize(n))
                  .as(
                      (t, args) -> {
                        List<String> all = new ArrayList<>();
                        all.add(t);
                        all.addAll(args);
                        return call(f, all);
                      }));
        }
        yield Arbitraries.oneOf(byPlaceholders);
      }
      case STRING_TO_JSON ->
          Arbitraries.oneOf(
                  Arbitraries.of("'{\"a\": 1}'", "'[1, 2]'", "'\"x\"'", "'1e3'", "'null'", "''"),
                  string)
              .map(s -> call(f, s));
      case JSON_TO_STRING -> json.map(a -> call(f, a));
      case ARRAY_LENGTH, ARRAY_UNIQUE -> array.map(a -> call(f, a));
      case ARRAY -> json.list().ofMaxSize(4).map(args -> call(f, args));
      case ARRAY_PARTITION ->
          Combinators.combine(array, nested(inner, Arbitraries.of("1", "2", "5", "$.n")))
              .as((a, n) -> call(f, a, n));
      case ARRAY_CONTAINS -> Combinators.combine(array, json).as((a, v) -> call(f, a, v));
      case ARRAY_RANGE ->
          Arbitraries.of("1, 9, 2", "0, 0, 1", "5, 1, -1", "$.n, 10, 3", "-3, 3, 1")
              .map(args -> f.functionName() + "(" + args + ")");
      case ARRAY_GET_ITEM ->
          Combinators.combine(array, nested(inner, Arbitraries.of("0", "1", "3", "$.n")))
              .as((a, i) -> call(f, a, i));
      case BASE64_ENCODE -> string.map(s -> call(f, s));
      case BASE64_DECODE ->
          Arbitraries.of("'aGVsbG8='", "''", "'YQ=='", "'8J+YgA=='", "$.s", "$v")
              .map(s -> call(f, s));
      case HASH ->
          Combinators.combine(
                  string,
                  Arbitraries.of("'MD5'", "'SHA-1'", "'SHA-256'", "'SHA-384'", "'SHA-512'", "$.s"))
              .as((d, a) -> call(f, d, a));
      case JSON_MERGE ->
          Combinators.combine(
                  objectArguments(), objectArguments(), Arbitraries.of("false", "$.flag"))
              .as((a, b, deep) -> call(f, a, b, deep));
      case MATH_RANDOM ->
          Combinators.combine(
                  Arbitraries.of("1, 10", "-5, 5", "0, 1000001", "$.n, 100", "0, $count"),
                  Arbitraries.of("", ", 7", ", $.n", ", 0"))
              .as((range, seed) -> f.functionName() + "(" + range + seed + ")");
      case MATH_ADD -> Combinators.combine(number, number).as((a, b) -> call(f, a, b));
      case STRING_SPLIT ->
          Combinators.combine(string, Arbitraries.of("','", "' '", "''", "'ab'"))
              .as((s, d) -> call(f, s, d));
      case UUID -> Arbitraries.just(call(f));
    };
  }

  private static Arbitrary<String> anyCall(Arbitrary<String> inner) {
    return Combinators.combine(
            Arbitraries.of(IntrinsicFunction.values()),
            nested(inner, anyLiterals()).list().ofMaxSize(4))
        .as(IntrinsicArbitraries::call);
  }

  private static String call(IntrinsicFunction f, String... args) {
    return call(f, List.of(args));
  }

  private static String call(IntrinsicFunction f, List<String> args) {
    return f.functionName() + "(" + String.join(", ", args) + ")";
  }

  private static Arbitrary<String> nested(Arbitrary<String> inner, Arbitrary<String> leaves) {
    return inner == null ? leaves : Gen.frequency(Gen.w(6, leaves), Gen.w(1, inner));
  }

  static Arbitrary<String> stringLiterals() {
    return Gen.frequency(
        Gen.w(
            4,
            Arbitraries.of(
                "'a'", "'hello, world'", "''", "'it\\'s'", "'\\{\\}'", "'é😀'", "'a\\\\b'")),
        Gen.w(2, Arbitraries.of("$.s", "$.a", "$$.Execution.Name", "$v", "$.list[0]")));
  }

  static Arbitrary<String> numberLiterals() {
    return Gen.frequency(
        Gen.w(
            4,
            Arbitraries.of(
                "1", "-3", "0", "2.5", "1e2", "-0.5", "2147483647", "-2147483648", "9999999999")),
        Gen.w(2, Arbitraries.of("$.n", "$.a", "$count", "$.list[1]")));
  }

  static Arbitrary<String> integerLiterals() {
    return Gen.frequency(
        Gen.w(4, Arbitraries.of("0", "1", "2", "3", "-1", "10", "2147483647", "-2147483648")),
        Gen.w(1, Arbitraries.of("$.n", "$count")));
  }

  /** Literals that no function takes where an integer is due, or that break a range rule. */
  static Arbitrary<String> badLiterals() {
    return Arbitraries.of(
        "2.5",
        "1e2",
        "-0.5",
        "9999999999",
        "'!!!'",
        "'CRC32'",
        "'sha-1'",
        "-1",
        "0",
        "'{'",
        "1000001",
        "'\\u0000'");
  }

  static Arbitrary<String> arrayLiterals() {
    return Gen.frequency(
        Gen.w(3, Arbitraries.of("$.items", "$.list", "$.a", "$v", "$$.Execution.Input.items")),
        Gen.w(
            2,
            Arbitraries.of(
                "States.Array(1, 2, 2, 'x')", "States.Array()", "States.ArrayRange(1, 9, 2)")));
  }

  static Arbitrary<String> objectArguments() {
    return Arbitraries.of(
        "$.nested", "$", "$.a", "$$.Execution", "States.StringToJson('{\"a\": {\"b\": 1}}')", "$v");
  }

  static Arbitrary<String> anyLiterals() {
    return Arbitraries.oneOf(
        stringLiterals(),
        numberLiterals(),
        arrayLiterals(),
        badLiterals(),
        Arbitraries.of(
            "true",
            "false",
            "null",
            "2.5",
            "$",
            "$$",
            "$.nested",
            "$..a",
            "$.list[*]",
            "$.items.length()"));
  }

  /** A format string with exactly {@code n} placeholders, among other text and escapes. */
  static Arbitrary<String> formatTemplate(int n) {
    return Arbitraries.of("x", "", "\\{", "é", " and ", "\\}")
        .list()
        .ofSize(n + 1)
        .map(parts -> "'" + String.join("{}", parts) + "'");
  }
}
