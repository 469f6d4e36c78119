package io.statecraft.activities.demo.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.demo.etl.EtlModel.LoadResult;
import io.statecraft.activities.demo.etl.EtlModel.TransformedRecord;
import io.statecraft.activities.sdk.TaskError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ETL demo's source datasets and its warehouse. Loads are applied once per idempotency key; the
 * warehouse keeps each batch's records by record id. Thread-safe.
 */
public final class RecordStore {

  /** The dataset every demo instance starts with. */
  public static final String DEMO_SOURCE = "demo-customers";

  private final EffectLedger ledger;
  private final ObjectMapper mapper;
  private final Map<String, List<JsonNode>> sources = new HashMap<>();
  private final Map<String, Map<String, TransformedRecord>> warehouse = new HashMap<>();
  private final Map<String, Integer> loadsApplied = new HashMap<>();

  public RecordStore(EffectLedger ledger, ObjectMapper mapper) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    defineSource(DEMO_SOURCE, demoCustomers());
  }

  /**
   * Five customer records as an upstream system exports them: untrimmed names, upper-case emails,
   * amounts as text. Record {@code c-3} has an invalid email and {@code c-5} a negative amount.
   */
  public static List<JsonNode> demoCustomers() {
    ObjectMapper mapper = JsonMapper.builder().build();
    List<JsonNode> records = new ArrayList<>();
    records.add(record(mapper, "c-1", "  Ada Lovelace ", "ADA@EXAMPLE.COM", "12.50"));
    records.add(record(mapper, "c-2", "Grace Hopper", "grace@example.com", "7"));
    records.add(record(mapper, "c-3", "Alan Turing", "not-an-email", "3.10"));
    records.add(record(mapper, "c-4", "Edsger Dijkstra ", "Edsger@Example.com", "0.99"));
    records.add(record(mapper, "c-5", "Barbara Liskov", "barbara@example.com", "-4.00"));
    return records;
  }

  private static JsonNode record(
      ObjectMapper mapper, String id, String name, String email, String amount) {
    return mapper
        .createObjectNode()
        .put("id", id)
        .put("name", name)
        .put("email", email)
        .put("amount", amount);
  }

  /** Makes a dataset available to ExtractRecords under a name, replacing any earlier one. */
  public synchronized void defineSource(String name, List<JsonNode> records) {
    sources.put(Objects.requireNonNull(name, "name"), List.copyOf(records));
  }

  /**
   * The records of a dataset, copied.
   *
   * @throws TaskError {@code SourceNotFound}
   */
  public synchronized List<JsonNode> read(String source) {
    List<JsonNode> records = sources.get(source);
    if (records == null) {
      throw TaskError.of(
          "SourceNotFound", "No dataset named '" + source + "'; known: " + sources.keySet());
    }
    return records.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  /**
   * Loads the transformed records of a batch, once per key, and reports the rejected ones.
   *
   * @throws TaskError {@code InvalidLoad} when an entry is neither transformed nor rejected
   */
  public LoadResult load(String key, String batchId, List<JsonNode> results) {
    return ledger.applyOnce("warehouse.load", key, LoadResult.class, () -> apply(batchId, results));
  }

  private LoadResult apply(String batchId, List<JsonNode> results) {
    Map<String, TransformedRecord> accepted = new LinkedHashMap<>();
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      String status = result == null ? null : result.path("status").asText(null);
      String id = result == null ? null : result.path("id").asText(null);
      if ("TRANSFORMED".equals(status) && id != null) {
        accepted.put(id, mapper.convertValue(result, TransformedRecord.class));
      } else if ("REJECTED".equals(status) && id != null) {
        rejected.add(id);
      } else {
        throw TaskError.of(
            "InvalidLoad",
            "Entry " + i + " of batch " + batchId + " is neither TRANSFORMED nor REJECTED");
      }
    }
    synchronized (this) {
      warehouse.computeIfAbsent(batchId, b -> new LinkedHashMap<>()).putAll(accepted);
      loadsApplied.merge(batchId, 1, Integer::sum);
    }
    return new LoadResult(batchId, accepted.size(), rejected.size(), List.copyOf(rejected));
  }

  /** The warehouse's records of a batch, by id. */
  public synchronized Map<String, TransformedRecord> loaded(String batchId) {
    return Map.copyOf(warehouse.getOrDefault(batchId, Map.of()));
  }

  /** How many loads were applied for the batch: 1 at most when keys are stable. */
  public synchronized int loadsApplied(String batchId) {
    return loadsApplied.getOrDefault(batchId, 0);
  }
}
