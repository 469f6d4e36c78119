package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.ARRAY_CONTAINS;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.ARRAY_GET_ITEM;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.ARRAY_LENGTH;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.ARRAY_PARTITION;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.ARRAY_RANGE;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.ARRAY_UNIQUE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength and
 * ArrayUnique.
 */
final class ArrayFunctions {

  /** AWS: "The newly generated array can't contain more than 1000 items." */
  static final int ARRAY_RANGE_LIMIT = 1000;

  private ArrayFunctions() {}

  /** States.Array: the arguments, in order, as an array. */
  static JsonNode array(List<JsonNode> args) {
    ArrayNode out = Json.NODES.arrayNode(args.size());
    out.addAll(args);
    return out;
  }

  /**
   * States.ArrayPartition(array, chunkSize): consecutive chunks of chunkSize items, the last one
   * possibly shorter. The chunk size is rounded to the nearest integer and must be positive.
   */
  static JsonNode partition(JsonNode arrayArg, JsonNode sizeArg) {
    ArrayNode array = Args.array(ARRAY_PARTITION, 1, arrayArg);
    int size = chunkSize(sizeArg);
    ArrayNode out = Json.NODES.arrayNode((array.size() + size - 1) / size);
    for (int from = 0; from < array.size(); from += size) {
      ArrayNode chunk = Json.NODES.arrayNode(Math.min(size, array.size() - from));
      for (int i = from; i < Math.min(array.size(), from + size); i++) {
        chunk.add(array.get(i));
      }
      out.add(chunk);
    }
    return out;
  }

  static int chunkSize(JsonNode sizeArg) {
    int size = Args.roundedInt(ARRAY_PARTITION, 2, sizeArg);
    if (size <= 0) {
      throw Args.valueError(
          ARRAY_PARTITION, 2, "the chunk size must be a positive integer, but was " + size);
    }
    return size;
  }

  /** States.ArrayContains(array, value): whether the array holds the value. */
  static JsonNode contains(JsonNode arrayArg, JsonNode value) {
    ArrayNode array = Args.array(ARRAY_CONTAINS, 1, arrayArg);
    for (JsonNode item : array) {
      if (Json.sameValue(item, value)) {
        return Json.NODES.booleanNode(true);
      }
    }
    return Json.NODES.booleanNode(false);
  }

  /**
   * States.ArrayRange(first, last, step): first, first + step, ... up to and including last. The
   * arguments are rounded to integers, the step must not be zero and the result holds at most 1000
   * items. A step that moves away from last gives an empty array.
   */
  static JsonNode range(JsonNode firstArg, JsonNode lastArg, JsonNode stepArg) {
    long first = Args.roundedInt(ARRAY_RANGE, 1, firstArg);
    long last = Args.roundedInt(ARRAY_RANGE, 2, lastArg);
    long step = rangeStep(stepArg);
    long count = rangeSize(first, last, step);
    if (count > ARRAY_RANGE_LIMIT) {
      throw AwsCauses.intrinsicFailure(AwsCauses.arrayRangeTooLong(count, ARRAY_RANGE_LIMIT));
    }
    ArrayNode out = Json.NODES.arrayNode((int) count);
    for (long i = 0; i < count; i++) {
      long v = first + i * step;
      out.add(Json.NODES.numberNode((int) v));
    }
    return out;
  }

  static long rangeStep(JsonNode stepArg) {
    long step = Args.roundedInt(ARRAY_RANGE, 3, stepArg);
    if (step == 0) {
      throw Args.valueError(ARRAY_RANGE, 3, "the step must not be zero");
    }
    return step;
  }

  static long rangeSize(long first, long last, long step) {
    long span = last - first;
    if (span != 0 && (span > 0) != (step > 0)) {
      return 0;
    }
    return span / step + 1;
  }

  /** States.ArrayGetItem(array, index): the item at a zero-based index inside the array. */
  static JsonNode getItem(JsonNode arrayArg, JsonNode indexArg) {
    ArrayNode array = Args.array(ARRAY_GET_ITEM, 1, arrayArg);
    long index = itemIndex(indexArg);
    if (index >= array.size()) {
      throw AwsCauses.intrinsicFailure(AwsCauses.indexOutOfBounds(index, array.size()));
    }
    return array.get((int) index);
  }

  static long itemIndex(JsonNode indexArg) {
    long index = Args.integer(ARRAY_GET_ITEM, 2, indexArg);
    if (index < 0) {
      throw Args.valueError(ARRAY_GET_ITEM, 2, "the index must not be negative, but was " + index);
    }
    return index;
  }

  /** States.ArrayLength(array): the number of items. */
  static JsonNode length(JsonNode arrayArg) {
    return Json.NODES.numberNode(Args.array(ARRAY_LENGTH, 1, arrayArg).size());
  }

  /**
   * States.ArrayUnique(array): the items without duplicates, each kept where it first appears.
   * Numbers are equal when their values are ({@code 1} and {@code 1.0}).
   */
  static JsonNode unique(JsonNode arrayArg) {
    ArrayNode array = Args.array(ARRAY_UNIQUE, 1, arrayArg);
    ArrayNode out = Json.NODES.arrayNode(array.size());
    Set<String> seen = new HashSet<>();
    for (JsonNode item : array) {
      if (seen.add(Json.canonicalKey(item))) {
        out.add(item);
      }
    }
    return out;
  }
}
