package io.statecraft.asl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.interpret.BranchOutcome;
import io.statecraft.asl.interpret.Snapshot;
import io.statecraft.asl.interpret.TaskResult;
import io.statecraft.asl.interpret.memory.InMemoryRunner;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by the property tests: a snapshot read back by a default mapper turned {@code 1E+400} into
 * Infinity (which is not JSON) and cut a number of 39 digits to a double's 17, so an execution
 * continued as new changed its own data.
 */
class ExactJsonTest {

  private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static ObjectNode numbers() {
    ObjectNode o = NODES.objectNode();
    o.put("huge", new BigDecimal("1E+400"));
    o.put("precise", new BigDecimal("123456789012345678901234567890.123456789"));
    o.put("tiny", new BigDecimal("1E-400"));
    // Within a double's range, but written as a BigDecimal writes it: it must keep that text.
    o.put("doubleRangeDecimal", new BigDecimal("1E+308"));
    o.put("scaledDecimal", new BigDecimal("0.50"));
    o.put("largeDouble", 1e308);
    o.put("double", 0.1);
    o.put("negativeZero", -0.0);
    o.put("int", 5);
    o.put("long", 10_000_000_000L);
    o.put("bigInteger", new BigInteger("18446744073709551616"));
    o.putArray("nested").add(NODES.objectNode().put("x", new BigDecimal("1E+400"))).add(1.5);
    return o;
  }

  @Test
  void aSnapshotSurvivesADefaultMapperExactly() throws Exception {
    ObjectNode input = numbers();
    Snapshot snapshot =
        new Snapshot(
            "Next",
            input,
            Map.of("v", numbers()),
            InMemoryRunner.executionStart("M", "e", input, Instant.EPOCH).execution(),
            new ContextObject.StateMachineInfo("arn", "M"),
            5,
            4,
            Map.of("Next", 1),
            null,
            1);
    Snapshot copy =
        DEFAULT_MAPPER.readValue(DEFAULT_MAPPER.writeValueAsString(snapshot), Snapshot.class);
    assertThat(copy).isEqualTo(snapshot);
    assertThat(copy.input().get("huge").decimalValue()).isEqualByComparingTo("1E+400");
    assertThat(copy.input().get("double").isDouble()).as("a double stays a double").isTrue();
    assertThat(copy.input().get("largeDouble").isDouble()).isTrue();
    assertThat(copy.input().get("doubleRangeDecimal").toString()).isEqualTo("1E+308");
    assertThat(copy.input().get("scaledDecimal").toString()).isEqualTo("0.50");
  }

  @Test
  void branchOutcomesAndTaskResultsSurviveToo() throws Exception {
    BranchOutcome outcome =
        new BranchOutcome(BranchOutcome.Status.SUCCEEDED, numbers(), null, null, List.of(), 0, 0);
    assertThat(
            DEFAULT_MAPPER
                .readValue(DEFAULT_MAPPER.writeValueAsString(outcome), BranchOutcome.class)
                .output())
        .isEqualTo(outcome.output());
    TaskResult result = TaskResult.of(numbers());
    assertThat(
            DEFAULT_MAPPER
                .readValue(DEFAULT_MAPPER.writeValueAsString(result), TaskResult.class)
                .output())
        .isEqualTo(result.output());
  }

  @Test
  void deeplyNestedValuesAreReadWithoutRecursion() throws Exception {
    String deep = "[".repeat(900) + "1E+400" + "]".repeat(900);
    JsonNode node = ExactJson.read(DEFAULT_MAPPER.createParser(deep));
    for (int i = 0; i < 900; i++) {
      node = node.get(0);
    }
    assertThat(node.decimalValue()).isEqualByComparingTo("1E+400");
  }
}
