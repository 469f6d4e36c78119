package io.statecraft.asl.dataflow;

import static io.statecraft.asl.testing.Fakes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** What the size must equal: the bytes Jackson writes. */
  private static long written(JsonNode node) throws Exception {
    return MAPPER.writer().writeValueAsBytes(node).length;
  }

  @Test
  void countsEveryKindOfValueAsItsWrittenText() throws Exception {
    List<JsonNode> values =
        List.of(
            json("{}"),
            json("[]"),
            json("{\"a\":{}}"),
            json("[[],[1],{\"x\":[true,false,null]}]"),
            F.textNode(""),
            F.textNode("plain"),
            F.textNode("\u0000\u0001\u001f\b\t\n\f\r\"\\/\u007f"),
            F.textNode("\u0080é\u07ff\u0800€\uffff"),
            F.textNode("\ud83d\ude00 and a lone \ud83d and \ude00"),
            F.numberNode(0),
            F.numberNode(-7),
            F.numberNode(Integer.MIN_VALUE),
            F.numberNode(Long.MAX_VALUE),
            F.numberNode(Long.MIN_VALUE),
            F.numberNode((short) -12),
            F.numberNode(new BigInteger("-123456789012345678901234567890")),
            F.numberNode(30.0),
            F.numberNode(-0.0),
            F.numberNode(1e300),
            F.numberNode(4.9e-324),
            F.numberNode(0.1 + 0.2),
            F.numberNode(1.5f),
            F.numberNode(3.4e38f),
            F.numberNode(new BigDecimal("1E+5")),
            F.numberNode(new BigDecimal("-0.000001234")),
            F.numberNode(Double.NaN),
            F.numberNode(Double.NEGATIVE_INFINITY),
            F.numberNode(Float.POSITIVE_INFINITY),
            F.binaryNode(new byte[] {1, 2, 3, 4, 5}),
            F.pojoNode(List.of("x", 1)),
            F.booleanNode(true),
            F.booleanNode(false),
            F.nullNode());
    for (JsonNode v : values) {
      assertThat(Payloads.sizeInBytes(v)).as(v.toString()).isEqualTo(written(v));
      boolean predictable =
          !v.isBinary()
              && !v.isPojo()
              && !(v.isFloatingPointNumber()
                  && !v.isBigDecimal()
                  && !Double.isFinite(v.doubleValue()));
      assertThat(Payloads.upperBound(v)).as(v.toString()).isGreaterThanOrEqualTo(written(v));
      assertThat(Payloads.upperBound(holder(v))).isGreaterThanOrEqualTo(written(holder(v)));
      // Counted without writing, except the few values left to Jackson.
      assertThat(Payloads.count(v)).as(v.toString()).isEqualTo(predictable ? written(v) : -1);
      ObjectNode holder = F.objectNode();
      holder.set("k\u00e9\ud83d\ude00\n", v);
      holder.put("other", 1);
      assertThat(Payloads.sizeInBytes(holder)).as(holder.toString()).isEqualTo(written(holder));
    }
  }

  private static ObjectNode holder(JsonNode v) {
    ObjectNode holder = F.objectNode();
    holder.set("\ud83d\ude00\u0001", v);
    return holder;
  }

  @Test
  void boundsTheLongestTextsOfEveryKind() throws Exception {
    List<JsonNode> longest =
        List.of(
            F.numberNode(-2.2250738585072014E-308),
            F.numberNode(-1.2345678901234567E-300),
            F.numberNode(-0.0012345678901234567),
            F.numberNode(-1.17549435E-38f),
            F.numberNode(Double.NEGATIVE_INFINITY),
            F.numberNode(Long.MIN_VALUE),
            F.textNode("\u0001\ud83d\ude00\ud83d"),
            F.objectNode().set("\u0000\u0000", F.textNode("\u001f")));
    for (JsonNode v : longest) {
      assertThat(Payloads.upperBound(v)).as(v.toString()).isGreaterThanOrEqualTo(written(v));
    }
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      assertThat(Double.toString(d).length()).isLessThanOrEqualTo(24);
      assertThat(Float.toString(Float.intBitsToFloat(random.nextInt())).length())
          .isLessThanOrEqualTo(24);
    }
  }

  @Test
  void theLimitCheckCountsExactlyOnlyWhatTheBoundCannotClear() {
    // 43,690 escapes of six bytes would exceed the limit; written raw they are far below it.
    JsonNode plain = F.textNode("x".repeat(50_000));
    assertThat(Payloads.upperBound(plain)).isGreaterThan(Payloads.MAX_PAYLOAD_BYTES);
    Payloads.checkStateResult("S", plain);
    JsonNode small = json("{\"a\":[1,2.5,\"text\",true,null]}");
    assertThat(Payloads.upperBound(small)).isLessThan(200);
  }

  @Test
  void countsAMissingValueInsideAContainerAsNullAndAMissingValueAsNothing() throws Exception {
    ArrayNode array = F.arrayNode().add(MissingNode.getInstance());
    assertThat(Payloads.sizeInBytes(array)).isEqualTo(written(array)).isEqualTo(6);
    assertThat(Payloads.sizeInBytes(MissingNode.getInstance())).isZero();
    assertThat(Payloads.sizeInBytes(null)).isZero();
  }

  @Test
  void countsRandomDocumentsExactlyAsTheyAreWritten() throws Exception {
    Random random = new Random(20241125);
    int predicted = 0;
    for (int i = 0; i < 2000; i++) {
      JsonNode doc = randomValue(random, 0);
      assertThat(Payloads.sizeInBytes(doc)).as(doc.toString()).isEqualTo(written(doc));
      assertThat(Payloads.upperBound(doc)).as(doc.toString()).isGreaterThanOrEqualTo(written(doc));
      long counted = Payloads.count(doc);
      assertThat(counted).as(doc.toString()).isIn(-1L, written(doc));
      if (counted >= 0) {
        predicted++;
      }
    }
    // Only documents holding a NaN or an infinity are left to Jackson.
    assertThat(predicted).isGreaterThan(1000);
  }

  @Test
  void failsAStateResultOneByteOverTheLimitAndNotAtIt() {
    // A string of n ASCII characters is n + 2 bytes with its quotes.
    JsonNode atLimit = F.textNode("x".repeat((int) Payloads.MAX_PAYLOAD_BYTES - 2));
    JsonNode overLimit = F.textNode("x".repeat((int) Payloads.MAX_PAYLOAD_BYTES - 1));
    Payloads.checkStateResult("S", atLimit);
    assertThatThrownBy(() -> Payloads.checkStateResult("S", overLimit))
        .isInstanceOf(AslFailure.class)
        .hasMessageContaining("States.DataLimitExceeded");
    // Escapes count as written: 52,429 newlines are 104,858 bytes, the quotes make 104,860.
    assertThat(Payloads.sizeInBytes(F.textNode("\n".repeat(52_429)))).isEqualTo(104_860);
  }

  private static JsonNode randomValue(Random r, int depth) {
    int kind = r.nextInt(depth > 4 ? 8 : 10);
    return switch (kind) {
      case 0 -> F.textNode(randomText(r));
      case 1 -> F.numberNode(r.nextInt());
      case 2 -> F.numberNode(r.nextLong() >> r.nextInt(64));
      case 3 -> F.numberNode(Double.longBitsToDouble(r.nextLong()));
      case 4 -> F.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      case 5 -> F.numberNode(Float.intBitsToFloat(r.nextInt()));
      case 6 -> F.numberNode(new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(40) - 20));
      case 7 -> r.nextBoolean() ? F.booleanNode(r.nextBoolean()) : F.nullNode();
      case 8 -> {
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(6); i > 0; i--) {
          o.set(randomText(r), randomValue(r, depth + 1));
        }
        yield o;
      }
      default -> {
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(6); i > 0; i--) {
          a.add(randomValue(r, depth + 1));
        }
        yield a;
      }
    };
  }

  private static final char[] SPECIAL = {
    0, 1, 8, 9, 10, 12, 13, 31, '"', '\\', '/', 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x20ac, 0xd7ff,
    0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff
  };

  private static String randomText(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      int pick = r.nextInt(4);
      if (pick == 0) {
        s.append(SPECIAL[r.nextInt(SPECIAL.length)]);
      } else if (pick == 1) {
        s.appendCodePoint(0x10000 + r.nextInt(0xFFFFF)); // a surrogate pair
      } else {
        s.append((char) (' ' + r.nextInt(95)));
      }
    }
    return s.toString();
  }
}
