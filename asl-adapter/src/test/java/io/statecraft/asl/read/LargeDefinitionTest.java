package io.statecraft.asl.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A valid definition of more than 5 MB reads completely. How long it takes is printed as a figure,
 * not asserted: speed is measured, never timed by a unit test.
 */
class LargeDefinitionTest {

  static String largeDefinition(int states) {
    StringBuilder json = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
    for (int i = 0; i < states; i++) {
      if (i > 0) {
        json.append(',');
      }
      String next = i == states - 1 ? "\"End\": true" : "\"Next\": \"S" + (i + 1) + "\"";
      switch (i % 3) {
        case 0 ->
            json.append(
                "\"S%d\": {\"Type\": \"Pass\", \"Comment\": \"%s\", \"Parameters\": {\"id.$\": \"$.order.id\", \"items.$\": \"$.order.items[*].sku\", \"name.$\": \"States.Format('order {}', $.order.id)\", \"static\": {\"region\": \"eu-west-1\", \"tags\": [\"a\", \"b\", \"c\"]}}, \"ResultPath\": \"$.step%d\", %s}"
                    .formatted(i, "x".repeat(200), i, next));
        case 1 ->
            json.append(
                "\"S%d\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {\"FunctionName\": \"f%d\", \"Payload.$\": \"$\"}, \"ResultSelector\": {\"body.$\": \"$.Payload\"}, \"ResultPath\": \"$.result\", \"Retry\": [{\"ErrorEquals\": [\"States.TaskFailed\"], \"IntervalSeconds\": 2, \"MaxAttempts\": 3, \"BackoffRate\": 1.5}], %s}"
                    .formatted(i, i, next));
        default ->
            json.append(
                "\"S%d\": {\"Type\": \"Pass\", \"Result\": {\"blob\": \"%s\", \"n\": [1, 2, 3, 4, 5]}, \"ResultPath\": \"$.blob\", %s}"
                    .formatted(i, "y".repeat(600), next));
      }
    }
    return json.append("}}").toString();
  }

  @Test
  void readsAFiveMegabyteDefinition() {
    String json = largeDefinition(12_000);
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isGreaterThan(5 * 1024 * 1024);
    AslReader.read(largeDefinition(300), ValidationOptions.DEFAULTS); // warm up
    long start = System.nanoTime();
    ReadResult result = AslReader.read(json, ValidationOptions.DEFAULTS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.stateMachine().orElseThrow().graph().states()).hasSize(12_000);
    System.out.printf(
        "Read a %.1f MB definition of 12000 states in %d ms%n", bytes / 1048576.0, millis);
  }
}
