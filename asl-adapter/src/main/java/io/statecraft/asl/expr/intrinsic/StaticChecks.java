package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.ExpressionException;
import java.util.List;

/**
 * The checks that need no input: literal arguments go through the same rules the functions apply at
 * run time, so a definition cannot pass validation with a call that is bound to fail.
 */
final class StaticChecks {

  private StaticChecks() {}

  static void check(IntrinsicFunction f, List<Argument> args, String text)
      throws ExpressionException {
    try {
      switch (f) {
        case FORMAT -> {
          JsonNode template = literal(args, 0);
          if (template != null) {
            Args.string(f, 1, template);
            int placeholders = ((Argument.Literal) args.get(0)).formatSegments().size() - 1;
            if (placeholders != args.size() - 1) {
              throw AwsCauses.intrinsicFailure(
                  AwsCauses.formatArgumentCount(placeholders, args.size() - 1));
            }
          }
        }
        case STRING_TO_JSON -> ifLiteral(args, 0, v -> Args.string(f, 1, v));
        case JSON_TO_STRING, ARRAY, UUID -> {
          // Any value is accepted.
        }
        case ARRAY_PARTITION -> {
          ifLiteral(args, 0, v -> Args.array(f, 1, v));
          ifLiteral(args, 1, ArrayFunctions::chunkSize);
        }
        case ARRAY_CONTAINS, ARRAY_LENGTH, ARRAY_UNIQUE ->
            ifLiteral(args, 0, v -> Args.array(f, 1, v));
        case ARRAY_RANGE -> {
          ifLiteral(args, 0, v -> Args.roundedInt(f, 1, v));
          ifLiteral(args, 1, v -> Args.roundedInt(f, 2, v));
          ifLiteral(args, 2, ArrayFunctions::rangeStep);
          JsonNode first = literal(args, 0);
          JsonNode last = literal(args, 1);
          JsonNode step = literal(args, 2);
          if (first != null && last != null && step != null) {
            ArrayFunctions.range(first, last, step);
          }
        }
        case ARRAY_GET_ITEM -> {
          ifLiteral(args, 0, v -> Args.array(f, 1, v));
          ifLiteral(args, 1, ArrayFunctions::itemIndex);
        }
        case BASE64_ENCODE -> ifLiteral(args, 0, v -> EncodingFunctions.limited(f, v));
        case BASE64_DECODE -> ifLiteral(args, 0, EncodingFunctions::decode);
        case HASH -> {
          ifLiteral(args, 0, HashFunctions::data);
          ifLiteral(args, 1, HashFunctions::algorithm);
        }
        case JSON_MERGE -> {
          ifLiteral(args, 0, v -> Args.object(f, 1, v));
          ifLiteral(args, 1, v -> Args.object(f, 2, v));
          ifLiteral(args, 2, JsonFunctions::requireShallow);
        }
        case MATH_RANDOM -> {
          ifLiteral(args, 0, v -> Args.roundedInt(f, 1, v));
          ifLiteral(args, 1, v -> Args.roundedInt(f, 2, v));
          if (args.size() > 2) {
            ifLiteral(args, 2, v -> Args.integer(f, 3, v));
          }
          JsonNode start = literal(args, 0);
          JsonNode end = literal(args, 1);
          if (start != null
              && end != null
              && Args.roundedInt(f, 1, start) >= Args.roundedInt(f, 2, end)) {
            throw Args.valueError(f, 2, "the end number must be greater than the start number");
          }
        }
        case MATH_ADD -> {
          ifLiteral(args, 0, v -> Args.roundedInt(f, 1, v));
          ifLiteral(args, 1, v -> Args.roundedInt(f, 2, v));
        }
        case STRING_SPLIT -> {
          ifLiteral(args, 0, v -> Args.string(f, 1, v));
          ifLiteral(args, 1, v -> Args.string(f, 2, v));
        }
      }
    } catch (AslFailure e) {
      throw new ExpressionException(
          ExpressionException.Kind.INVALID_INTRINSIC, e.cause() + " in '" + text + "'");
    }
  }

  /** The value of a literal argument, or null when the argument is a path or a call. */
  private static JsonNode literal(List<Argument> args, int index) {
    return args.get(index) instanceof Argument.Literal literal ? literal.value() : null;
  }

  private static void ifLiteral(List<Argument> args, int index, Rule rule) {
    JsonNode value = literal(args, index);
    if (value != null) {
      rule.check(value);
    }
  }

  @FunctionalInterface
  private interface Rule {
    void check(JsonNode value);
  }
}
