package io.statecraft.activities.demo.etl;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.TaskContext;
import io.statecraft.activities.demo.DemoRuntime;
import io.statecraft.activities.demo.etl.EtlModel.ExtractRequest;
import io.statecraft.activities.demo.etl.EtlModel.Extracted;
import io.statecraft.activities.demo.etl.EtlModel.LoadRequest;
import io.statecraft.activities.demo.etl.EtlModel.LoadResult;
import io.statecraft.activities.demo.etl.EtlModel.TransformedRecord;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tasks of {@code examples/etl-pipeline.asl.json}: extract a dataset, transform each record in
 * a Map (a bad record fails with {@code InvalidRecord}, which the Map's item processor catches and
 * marks rejected), load the result.
 */
public final class EtlTasks {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final RecordStore store;
  private final DemoRuntime runtime;

  public EtlTasks(RecordStore store, DemoRuntime runtime) {
    this.store = Objects.requireNonNull(store, "store");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** Reads the dataset. */
  @AslTask("ExtractRecords")
  public Extracted extract(ExtractRequest request, TaskContext context) {
    runtime.call("ExtractRecords", context, "SourceUnavailable");
    if (request == null || request.batchId() == null || request.source() == null) {
      throw TaskError.of("InvalidRecord", "ExtractRecords needs batchId and source");
    }
    List<JsonNode> records = store.read(request.source());
    return runtime.respond(
        "ExtractRecords",
        context,
        new Extracted(request.batchId(), request.source(), records.size(), records));
  }

  /**
   * Cleans one record: trims the name, lower-cases the email, converts the amount to cents.
   *
   * @throws TaskError {@code InvalidRecord} naming the record and the field
   */
  @AslTask("TransformRecord")
  public TransformedRecord transform(JsonNode record, TaskContext context) {
    runtime.call("TransformRecord", context, "TransformUnavailable");
    if (record == null || !record.isObject()) {
      throw TaskError.of("InvalidRecord", "A record must be a JSON object");
    }
    String id = text(record, "id");
    if (id == null || id.isBlank()) {
      throw TaskError.of("InvalidRecord", "A record has no id");
    }
    String name = text(record, "name");
    if (name == null || name.isBlank()) {
      throw TaskError.of("InvalidRecord", "Record " + id + ": name is empty");
    }
    String email = text(record, "email");
    if (email == null || !EMAIL.matcher(email.trim()).matches()) {
      throw TaskError.of(
          "InvalidRecord", "Record " + id + ": email '" + email + "' is not an email address");
    }
    JsonNode amountNode = record.get("amount");
    BigDecimal amount;
    try {
      amount =
          amountNode == null || amountNode.isNull()
              ? null
              : new BigDecimal(amountNode.asText().trim());
    } catch (NumberFormatException e) {
      amount = null;
    }
    if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
      throw TaskError.of(
          "InvalidRecord",
          "Record "
              + id
              + ": amount '"
              + (amountNode == null ? "" : amountNode.asText())
              + "' is not a non-negative amount with at most two decimals");
    }
    long cents = amount.movePointRight(2).longValueExact();
    return runtime.respond(
        "TransformRecord",
        context,
        new TransformedRecord(
            id, name.trim(), email.trim().toLowerCase(Locale.ROOT), cents, "TRANSFORMED"));
  }

  /** Loads the batch's transformed records into the warehouse. */
  @AslTask("LoadRecords")
  public LoadResult load(LoadRequest request, TaskContext context) {
    runtime.call("LoadRecords", context, "WarehouseUnavailable");
    if (request == null || request.batchId() == null || request.records() == null) {
      throw TaskError.of("InvalidLoad", "LoadRecords needs batchId and records");
    }
    return runtime.respond(
        "LoadRecords",
        context,
        store.load(context.idempotencyKey(), request.batchId(), request.records()));
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
