package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.MATH_ADD;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.MATH_RANDOM;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.port.Entropy;

/** States.MathRandom and States.MathAdd. */
final class MathFunctions {

  private MathFunctions() {}

  /**
   * States.MathAdd(a, b): each argument rounded to the nearest integer (halves towards positive
   * infinity, as recorded against AWS), then added. The sum is exact; it is not wrapped at 32 bits.
   */
  static JsonNode add(JsonNode a, JsonNode b) {
    long sum = (long) Args.roundedInt(MATH_ADD, 1, a) + Args.roundedInt(MATH_ADD, 2, b);
    return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
  }

  /**
   * States.MathRandom(start, end[, seed]): an integer in {@code [start, end)}, start and end
   * rounded to the nearest integer. Without a seed the number comes from the entropy port; with a
   * seed it comes from a generator seeded with it, so the same seed always gives the same number.
   * AWS does not publish its generator, so seeded values are stable here but not AWS's.
   */
  static JsonNode random(JsonNode startArg, JsonNode endArg, JsonNode seedArg, Entropy entropy) {
    long start = Args.roundedInt(MATH_RANDOM, 1, startArg);
    long end = Args.roundedInt(MATH_RANDOM, 2, endArg);
    if (start >= end) {
      throw Args.valueError(
          MATH_RANDOM,
          2,
          "the end number must be greater than the start number, but the range was ["
              + start
              + ", "
              + end
              + ")");
    }
    double unit =
        seedArg == null
            ? entropy.nextDouble()
            : new SeededGenerator(Args.integer(MATH_RANDOM, 3, seedArg)).nextDouble();
    long span = end - start;
    long offset = Math.min(span - 1, (long) Math.floor(unit * span));
    return Json.NODES.numberNode((int) (start + offset));
  }

  /**
   * A seeded linear congruential generator with the constants and bit layout that the Java platform
   * specifies for {@code java.util.Random}, so a seed gives the same numbers on every JVM. Local to
   * one call: it holds no shared state.
   */
  static final class SeededGenerator {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private long state;

    SeededGenerator(long seed) {
      this.state = (seed ^ MULTIPLIER) & MASK;
    }

    private int next(int bits) {
      state = (state * MULTIPLIER + ADDEND) & MASK;
      return (int) (state >>> (48 - bits));
    }

    double nextDouble() {
      return (((long) next(26) << 27) + next(27)) * 0x1.0p-53;
    }
  }
}
