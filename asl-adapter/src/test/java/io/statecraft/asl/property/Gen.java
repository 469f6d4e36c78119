package io.statecraft.asl.property;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Weighted choice between arbitraries, typed by the caller. */
final class Gen {

  private Gen() {}

  /**
   * The arbitrary, behind an identity: jqwik compares and hashes arbitraries structurally, which
   * costs time exponential in the depth of a grammar whose parts are shared. Every arbitrary that
   * is built once and used in many places goes through here.
   */
  static <T> Arbitrary<T> shared(Arbitrary<T> arbitrary) {
    return Arbitraries.lazy(() -> arbitrary);
  }

  /** One alternative of {@link #frequency} and its weight. */
  record Weighted<T>(int weight, Arbitrary<? extends T> arbitrary) {}

  static <T> Weighted<T> w(int weight, Arbitrary<? extends T> arbitrary) {
    return new Weighted<>(weight, arbitrary);
  }

  @SafeVarargs
  static <T> Arbitrary<T> frequency(Weighted<T>... alternatives) {
    List<Weighted<T>> list = new ArrayList<>();
    for (Weighted<T> a : alternatives) {
      list.add(a);
    }
    return frequency(list);
  }

  static <T> Arbitrary<T> frequency(List<Weighted<T>> alternatives) {
    List<Tuple2<Integer, Arbitrary<T>>> list = new ArrayList<>();
    for (Weighted<T> a : alternatives) {
      @SuppressWarnings("unchecked")
      Arbitrary<T> arbitrary = (Arbitrary<T>) a.arbitrary();
      list.add(Tuple.of(a.weight(), arbitrary));
    }
    return Arbitraries.frequencyOf(list);
  }
}
