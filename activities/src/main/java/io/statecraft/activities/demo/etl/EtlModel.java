package io.statecraft.activities.demo.etl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The JSON shapes of the ETL demo's tasks. */
public final class EtlModel {

  private EtlModel() {}

  /** ExtractRecords' input: which source to read, under which batch id. */
  public record ExtractRequest(String batchId, String source) {}

  /** ExtractRecords' result: the raw records, as the source holds them. */
  public record Extracted(String batchId, String source, int count, List<JsonNode> records) {}

  /** TransformRecord's result for a valid record. */
  public record TransformedRecord(
      String id, String name, String email, long amountCents, String status) {}

  /** LoadRecords' input: the Map's results, transformed and rejected records alike. */
  public record LoadRequest(String batchId, List<JsonNode> records) {}

  /** LoadRecords' result. */
  public record LoadResult(String batchId, int loaded, int rejected, List<String> rejectedIds) {}
}
