package io.statecraft.asl.property;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * JSONPath as ASL writes it: rooted at {@code $}, {@code $$} or a variable {@code $name}, with
 * member, bracket, index, wildcard, slice, union, deep-scan, filter and function segments.
 */
final class PathArbitraries {

  /** Variable names the generated definitions assign and the generated paths read. */
  static final List<String> VARIABLES = List.of("v", "count", "x_1", "ü", "total");

  private PathArbitraries() {}

  /** A reference path: only members and indexes, so it names at most one node. */
  static Arbitrary<String> referencePaths() {
    return Combinators.combine(roots(), referenceSegment().list().ofMaxSize(4))
        .as((root, segments) -> root + String.join("", segments));
  }

  /** A reference path from the input only ({@code $...}), as ResultPath needs. */
  static Arbitrary<String> inputReferencePaths() {
    return referenceSegment().list().ofMaxSize(3).map(s -> "$" + String.join("", s));
  }

  /** Paths that select something in almost any input and context. */
  static Arbitrary<String> safePaths() {
    return Arbitraries.of(
        "$",
        "$$",
        "$$.Execution.Input",
        "$$.Execution.Id",
        "$$.State.Name",
        "$$.State.EnteredTime",
        "$$.StateMachine.Name",
        "$.n",
        "$.s",
        "$.items");
  }

  /** Any path of the grammar, reference or not. */
  static Arbitrary<String> paths() {
    return Combinators.combine(roots(), segment().list().ofMaxSize(4))
        .as((root, segments) -> root + String.join("", segments));
  }

  /** Paths of the grammar and their mutations, half and half. */
  static Arbitrary<String> pathsAndMutations() {
    return Arbitraries.oneOf(paths(), Mutations.of(paths()));
  }

  static Arbitrary<String> roots() {
    return Gen.frequency(
        Gen.w(6, Arbitraries.just("$")),
        Gen.w(2, Arbitraries.just("$$")),
        Gen.w(2, Arbitraries.of(VARIABLES).map(v -> "$" + v)));
  }

  static Arbitrary<String> names() {
    return Gen.frequency(
        Gen.w(6, Arbitraries.of(JsonArbitraries.KEYS)),
        Gen.w(
            1,
            Arbitraries.of(
                "Execution", "Input", "Id", "Name", "State", "EnteredTime", "RetryCount", "Map")),
        Gen.w(1, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6)));
  }

  static Arbitrary<String> referenceSegment() {
    return Gen.frequency(
        Gen.w(6, names().map(n -> "." + n)),
        Gen.w(2, Arbitraries.integers().between(-2, 5).map(i -> "[" + i + "]")),
        Gen.w(1, quotedNames().map(n -> "['" + n + "']")),
        Gen.w(1, quotedNames().map(n -> "[\"" + n + "\"]")));
  }

  static Arbitrary<String> quotedNames() {
    return Gen.frequency(
        Gen.w(3, Arbitraries.of(JsonArbitraries.KEYS)),
        Gen.w(1, Arbitraries.of("with space", "a.b", "x]y", "q\\'uote", "😀", "")));
  }

  static Arbitrary<String> segment() {
    return Gen.frequency(
        Gen.w(8, referenceSegment()),
        Gen.w(1, Arbitraries.just("[*]")),
        Gen.w(1, Arbitraries.just(".*")),
        Gen.w(1, names().map(n -> ".." + n)),
        Gen.w(1, Arbitraries.of("[0:2]", "[:1]", "[1:]", "[-1:]", "[0,1]", "['a','b']", "[0:4:2]")),
        Gen.w(1, filters()),
        Gen.w(1, Arbitraries.of(".length()", ".min()", ".max()", ".sum()", ".avg()", ".keys()")));
  }

  static Arbitrary<String> filters() {
    Arbitrary<String> left = names().map(n -> "@." + n);
    Arbitrary<String> right =
        Arbitraries.of("1", "0", "-3.5", "'a'", "true", "null", "@.b", "$.n", "[1,2]");
    Arbitrary<String> op =
        Arbitraries.of("==", "!=", "<", "<=", ">", ">=", "=~", " in ", " nin ", " size ");
    return Gen.frequency(
        Gen.w(4, Combinators.combine(left, op, right).as((l, o, r) -> "[?(" + l + o + r + ")]")),
        Gen.w(1, left.map(l -> "[?(" + l + ")]")),
        Gen.w(1, Arbitraries.of("[?(@.a =~ /x.*/i)]", "[?(@.a && @.b)]", "[?(!@.a)]")));
  }
}
