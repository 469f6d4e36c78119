package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.dataflow.Payloads;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event of an execution's history, shaped like AWS's {@code HistoryEvent}.
 *
 * <p>{@code details} holds the content of the type's details member ({@code
 * stateEnteredEventDetails}, {@code taskScheduledEventDetails}, …) with AWS's field names, except
 * that payloads ({@code input}, {@code output}, {@code parameters}, assigned variable values) are
 * kept as JSON values rather than JSON text; {@link #toAwsJson()} renders the exact AWS shape.
 * Treat {@code details} as read-only.
 *
 * @param id the event's number in its history, from 1
 * @param previousEventId the id of the event this one follows from, or 0
 * @param type the event type
 * @param timestamp when it happened, in {@code $$.Execution.StartTime} form
 * @param details the type's details, or {@code null} when it has none
 */
public record HistoryEvent(
    long id, long previousEventId, HistoryEventType type, String timestamp, ObjectNode details) {

  private static final Set<String> PAYLOADS = Set.of("input", "output", "parameters");

  public HistoryEvent {
    Objects.requireNonNull(type, "type");
  }

  /** The state name of a {@code *StateEntered}/{@code *StateExited} event, else {@code null}. */
  public String name() {
    return text("name");
  }

  /** The iteration index of a {@code MapIteration*} event, else {@code null}. */
  public Integer index() {
    JsonNode n = details == null ? null : details.get("index");
    return n == null ? null : n.intValue();
  }

  /** The error of a failure event, else {@code null}. */
  public String error() {
    return text("error");
  }

  /** The cause of a failure event, else {@code null}. */
  public String cause() {
    return text("cause");
  }

  /** The state or execution input, else {@code null}. */
  public JsonNode input() {
    return details == null ? null : details.get("input");
  }

  /** The state or execution output, else {@code null}. */
  public JsonNode output() {
    return details == null ? null : details.get("output");
  }

  private String text(String field) {
    JsonNode n = details == null ? null : details.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A copy renumbered into another history (used to splice a branch run elsewhere). */
  public HistoryEvent renumbered(long newId, long newPreviousEventId) {
    return new HistoryEvent(newId, newPreviousEventId, type, timestamp, details);
  }

  /**
   * The event exactly as {@code GetExecutionHistory} returns it: payloads as JSON text with their
   * {@code *Details.truncated} flags.
   */
  public ObjectNode toAwsJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode out = f.objectNode();
    out.put("timestamp", timestamp);
    out.put("type", type.name());
    out.put("id", id);
    out.put("previousEventId", previousEventId);
    if (details != null && type.detailsMember() != null) {
      ObjectNode d = out.putObject(type.detailsMember());
      for (Map.Entry<String, JsonNode> e : details.properties()) {
        String key = e.getKey();
        if (PAYLOADS.contains(key)) {
          d.put(key, Payloads.compact(e.getValue()));
          d.putObject(key + "Details").put("truncated", false);
        } else if (key.equals("assignedVariables")) {
          ObjectNode vars = d.putObject(key);
          e.getValue()
              .properties()
              .forEach(v -> vars.put(v.getKey(), Payloads.compact(v.getValue())));
          d.putObject("assignedVariablesDetails").put("truncated", false);
        } else {
          d.set(key, e.getValue());
        }
      }
    }
    return out;
  }
}
