package io.statecraft.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.activities.ActivityId;
import io.statecraft.activities.ActivityId.ScopeSegment;
import io.statecraft.activities.FixedTaskContext;
import io.statecraft.activities.demo.etl.EtlModel.TransformedRecord;
import io.statecraft.activities.demo.etl.RecordStore;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extract, a Map of transforms with a failing-record path, load: as the state machine runs it. */
class EtlPipelineTest {

  private final ObjectMapper mapper = TaskDispatcher.defaultObjectMapper();
  private final DemoServices demo = DemoServices.create(DemoSettings.defaults());
  private final TaskDispatcher tasks =
      TaskDispatcher.builder().register(demo.taskObjects().toArray()).build();
  private final String execution = "etl-pipeline/batch-7";

  @Test
  void transformsValidRecordsRejectsInvalidOnesAndLoadsOnce() throws Exception {
    JsonNode extracted =
        tasks.invoke(
            "ExtractRecords",
            mapper.readTree("{\"batchId\":\"batch-7\",\"source\":\"demo-customers\"}"),
            FixedTaskContext.of(execution, "ExtractRecords"));
    assertThat(extracted.get("count").asInt()).isEqualTo(5);

    // The Map state: each item is transformed; InvalidRecord is caught and marked rejected.
    ArrayNode results = mapper.createArrayNode();
    JsonNode records = extracted.get("records");
    for (int i = 0; i < records.size(); i++) {
      FixedTaskContext context =
          new FixedTaskContext(
              execution,
              ActivityId.nested(
                  List.of(new ScopeSegment("TransformRecords", i)), "TransformRecord", 1),
              1);
      try {
        results.add(tasks.invoke("TransformRecord", records.get(i), context));
      } catch (ApplicationFailure failure) {
        assertThat(failure.getType()).isEqualTo("InvalidRecord");
        ObjectNode rejected = results.addObject();
        rejected.put("id", records.get(i).get("id").asText());
        rejected.put("status", "REJECTED");
        rejected.put("reason", failure.getOriginalMessage());
      }
    }
    assertThat(results.get(0))
        .isEqualTo(
            mapper.readTree(
                "{\"id\":\"c-1\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
                    + "\"amountCents\":1250,\"status\":\"TRANSFORMED\"}"));
    assertThat(results.get(2).get("reason").asText())
        .isEqualTo("Record c-3: email 'not-an-email' is not an email address");
    assertThat(results.get(4).get("reason").asText()).contains("Record c-5: amount '-4.00'");

    ObjectNode load = mapper.createObjectNode().put("batchId", "batch-7");
    load.set("records", results);
    FixedTaskContext loadContext = FixedTaskContext.of(execution, "LoadRecords");
    JsonNode loaded = tasks.invoke("LoadRecords", load, loadContext);
    JsonNode again = tasks.invoke("LoadRecords", load, loadContext.retried());

    assertThat(loaded)
        .isEqualTo(
            mapper.readTree(
                "{\"batchId\":\"batch-7\",\"loaded\":3,\"rejected\":2,\"rejectedIds\":[\"c-3\",\"c-5\"]}"));
    assertThat(again).isEqualTo(loaded);
    assertThat(demo.records().loadsApplied("batch-7")).isEqualTo(1);
    Map<String, TransformedRecord> warehouse = demo.records().loaded("batch-7");
    assertThat(warehouse).containsOnlyKeys("c-1", "c-2", "c-4");
    assertThat(warehouse.get("c-4").email()).isEqualTo("edsger@example.com");
    assertThat(warehouse.get("c-2").amountCents()).isEqualTo(700);
  }

  @Test
  void unknownSourcesAndMalformedLoadsAreNamedErrors() throws Exception {
    ApplicationFailure missing = null;
    try {
      tasks.invoke(
          "ExtractRecords",
          mapper.readTree("{\"batchId\":\"b\",\"source\":\"nope\"}"),
          FixedTaskContext.of(execution, "ExtractRecords"));
    } catch (ApplicationFailure f) {
      missing = f;
    }
    assertThat(missing).isNotNull();
    assertThat(missing.getType()).isEqualTo("SourceNotFound");
    assertThat(missing.getOriginalMessage()).contains(RecordStore.DEMO_SOURCE);

    ApplicationFailure malformed = null;
    try {
      tasks.invoke(
          "LoadRecords",
          mapper.readTree("{\"batchId\":\"b\",\"records\":[{\"id\":\"x\"}]}"),
          FixedTaskContext.of(execution, "LoadRecords"));
    } catch (ApplicationFailure f) {
      malformed = f;
    }
    assertThat(malformed).isNotNull();
    assertThat(malformed.getType()).isEqualTo("InvalidLoad");
    assertThat(demo.records().loadsApplied("b")).isZero();
  }
}
