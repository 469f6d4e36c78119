package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.dataflow.Payloads;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.model.state.MapState;
import java.util.ArrayList;
import java.util.List;

/**
 * ItemBatcher: groups a Distributed Map's items into batches, each run by one child execution with
 * the input {@code {"BatchInput": …, "Items": [ … ]}}. A batch holds at most {@code
 * MaxItemsPerBatch} items and at most {@code MaxInputBytesPerBatch} bytes of input (256 KiB when
 * not set); an item that alone exceeds the byte limit fails the state.
 */
final class ItemBatches {

  private ItemBatches() {}

  static List<JsonNode> batch(
      List<JsonNode> items, MapState.ItemBatcher batcher, EvaluationScope scope) {
    long maxItems = Long.MAX_VALUE;
    if (batcher.maxItemsPerBatch().isPresent()) {
      maxItems = positive(batcher.maxItemsPerBatch().get(), scope, "MaxItemsPerBatch");
    }
    long maxBytes = Payloads.MAX_PAYLOAD_BYTES;
    if (batcher.maxInputBytesPerBatch().isPresent()) {
      maxBytes =
          Math.min(
              maxBytes,
              positive(batcher.maxInputBytesPerBatch().get(), scope, "MaxInputBytesPerBatch"));
    }
    JsonNode batchInput =
        Fields.named(batcher.batchInput(), "BatchInput").map(t -> t.evaluate(scope)).orElse(null);
    List<JsonNode> batches = new ArrayList<>();
    ObjectNode current = null;
    long currentBytes = 0;
    for (JsonNode item : items) {
      long itemBytes = Payloads.sizeInBytes(item) + 1;
      if (current == null
          || current.get("Items").size() >= maxItems
          || currentBytes + itemBytes > maxBytes) {
        current = newBatch(batchInput);
        currentBytes = Payloads.sizeInBytes(current);
        batches.add(current);
        if (currentBytes + itemBytes > maxBytes) {
          throw new AslFailure(
              io.statecraft.asl.error.StatesError.RUNTIME,
              "An item of "
                  + itemBytes
                  + " bytes does not fit in a batch of at most "
                  + maxBytes
                  + " bytes (ItemBatcher.MaxInputBytesPerBatch).");
        }
      }
      ((ArrayNode) current.get("Items")).add(item);
      currentBytes += itemBytes;
    }
    return batches;
  }

  private static ObjectNode newBatch(JsonNode batchInput) {
    ObjectNode batch = JsonNodeFactory.instance.objectNode();
    if (batchInput != null) {
      batch.set("BatchInput", batchInput);
    }
    batch.putArray("Items");
    return batch;
  }

  private static long positive(
      io.statecraft.asl.model.ValueSource source, EvaluationScope scope, String field) {
    long value = FieldValues.integer(source, scope, field);
    if (value < 1) {
      throw new AslFailure(
          FieldValues.errorFor(source), field + " must be greater than 0, but was " + value + ".");
    }
    return value;
  }
}
