package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares an {@link ActualRun} with a {@link ConformanceCase} by the corpus README's rules. */
public final class CaseComparison {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CaseComparison() {}

  public static Verdict compare(ConformanceCase c, ActualRun actual) {
    Set<String> skipped = new HashSet<>(c.nondeterministic());
    JsonNode expected = c.expected();
    String expectedStatus = c.expectedStatus();
    boolean resultOk = true;
    String resultMessage = null;
    boolean causeOk = true;
    String causeMessage = null;
    if (!expectedStatus.equals(actual.status())) {
      resultOk = false;
      resultMessage =
          "status: expected " + expectedStatus + ", got " + actual.status() + describe(actual);
    } else if (expectedStatus.equals("SUCCEEDED")) {
      String d =
          JsonCompare.difference(expected.get("output"), actual.output(), "/output", skipped);
      if (d != null) {
        resultOk = false;
        resultMessage = "output " + d;
      }
    } else {
      String expectedError = text(expected.get("error"));
      if (!Objects.equals(expectedError, actual.error())) {
        resultOk = false;
        resultMessage =
            "error: expected " + expectedError + ", got " + actual.error() + describe(actual);
      }
      if (!skipped.contains("/cause")) {
        String expectedCause = text(expected.get("cause"));
        if (!Objects.equals(expectedCause, actual.cause())) {
          causeOk = false;
          causeMessage = "expected " + quote(expectedCause) + ", got " + quote(actual.cause());
        }
      }
    }
    Verdict.HistoryVerdict history = Verdict.HistoryVerdict.NONE;
    if (c.hasHistory()) {
      history =
          actual.history() == null
              ? new Verdict.HistoryVerdict("unavailable", 0, "the engine gave no history")
              : compareHistory(expected.get("history"), actual.history(), skipped);
    }
    return new Verdict(resultOk, resultMessage, causeOk, causeMessage, history);
  }

  private static String describe(ActualRun actual) {
    if (actual.error() != null || actual.cause() != null) {
      return " (" + actual.error() + ": " + actual.cause() + ")";
    }
    return "";
  }

  static Verdict.HistoryVerdict compareHistory(
      JsonNode expected, List<JsonNode> actualEvents, Set<String> skipped) {
    List<ObjectNode> actual = new ArrayList<>();
    for (JsonNode e : actualEvents) {
      actual.add(reduce(e));
    }
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      String d = eventDifference(expected.get(i), actual.get(i), "/history/" + i, skipped);
      if (d != null) {
        return new Verdict.HistoryVerdict("mismatch", i, d);
      }
    }
    if (expected.size() != actual.size()) {
      String extra =
          actual.size() > n
              ? " (next actual: " + actual.get(n) + ")"
              : " (next expected: " + expected.get(n) + ")";
      return new Verdict.HistoryVerdict(
          "mismatch", n, "expected " + expected.size() + " events, got " + actual.size() + extra);
    }
    return Verdict.HistoryVerdict.MATCH;
  }

  private static String eventDifference(
      JsonNode expected, ObjectNode actual, String pointer, Set<String> skipped) {
    for (String key : List.of("type", "id", "previousEventId", "name", "index", "error")) {
      JsonNode e = expected.get(key);
      JsonNode a = actual.get(key);
      if (e == null && a == null) {
        continue;
      }
      if (e == null || a == null || !sameScalar(e, a)) {
        return key + ": expected " + e + ", got " + a + " (actual event " + actual + ")";
      }
    }
    if (!skipped.contains(pointer + "/cause")) {
      JsonNode e = expected.get("cause");
      JsonNode a = actual.get("cause");
      if (!Objects.equals(text(e), text(a))) {
        return "cause: expected " + e + ", got " + a;
      }
    }
    for (String key : List.of("input", "output")) {
      if (expected.has(key)) {
        String d =
            JsonCompare.difference(
                expected.get(key), actual.get(key), pointer + "/" + key, skipped);
        if (d != null) {
          return key + " " + d;
        }
      }
    }
    return null;
  }

  private static boolean sameScalar(JsonNode e, JsonNode a) {
    if (e.isNumber() && a.isNumber()) {
      return e.asLong() == a.asLong();
    }
    return e.asText().equals(a.asText());
  }

  /**
   * Reduces an event in {@code GetExecutionHistory} shape to the fields the corpus keeps: name on
   * state entered/exited events, index on Map iteration events, error and cause where reported,
   * input on entered events and output on exited events.
   */
  static ObjectNode reduce(JsonNode event) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    String type = event.path("type").asText();
    out.put("type", type);
    out.put("id", event.path("id").asLong());
    out.put("previousEventId", event.path("previousEventId").asLong());
    JsonNode details = null;
    for (Map.Entry<String, JsonNode> f : event.properties()) {
      if (f.getKey().endsWith("EventDetails")) {
        details = f.getValue();
      }
    }
    if (details == null) {
      return out;
    }
    if (type.endsWith("StateEntered") || type.endsWith("StateExited")) {
      if (details.has("name")) {
        out.set("name", details.get("name"));
      }
    }
    if (type.startsWith("MapIteration") && details.has("index")) {
      out.set("index", details.get("index"));
    }
    if (details.has("error")) {
      out.set("error", details.get("error"));
    }
    if (details.has("cause")) {
      out.set("cause", details.get("cause"));
    }
    if (type.endsWith("StateEntered") && details.has("input")) {
      out.set("input", parse(details.get("input")));
    }
    if (type.endsWith("StateExited") && details.has("output")) {
      out.set("output", parse(details.get("output")));
    }
    return out;
  }

  private static JsonNode parse(JsonNode text) {
    if (!text.isTextual()) {
      return text;
    }
    try {
      return MAPPER.readTree(text.textValue());
    } catch (Exception e) {
      return text;
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String quote(String s) {
    return s == null ? "none" : "'" + s + "'";
  }
}
