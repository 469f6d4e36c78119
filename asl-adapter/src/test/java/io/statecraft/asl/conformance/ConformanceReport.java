package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outcomes of a conformance run: the JSON report, the one-line summary and the problems. */
public record ConformanceReport(String engine, List<CaseReport> cases) {

  public ConformanceReport {
    cases = List.copyOf(cases);
  }

  public long count(String status) {
    return cases.stream().filter(c -> c.status().equals(status)).count();
  }

  public List<CaseReport> problems() {
    return cases.stream().filter(CaseReport::isProblem).toList();
  }

  /** For example: {@code Conformance (in memory): 605 cases, 590 passed, …}. */
  public String summaryLine() {
    long causeMismatches = cases.stream().filter(c -> !c.verdict().causeMatches()).count();
    long historyMismatches = cases.stream().filter(c -> !c.verdict().history().ok()).count();
    return "Conformance ("
        + engine
        + "): "
        + cases.size()
        + " cases, "
        + count(CaseReport.PASSED)
        + " passed, "
        + count(CaseReport.EXPECTED_FAILURE)
        + " expected failures, "
        + count(CaseReport.FAILED)
        + " failed, "
        + count(CaseReport.UNEXPECTED_PASS)
        + " unexpected passes (cause mismatches: "
        + causeMismatches
        + ", history mismatches: "
        + historyMismatches
        + ")";
  }

  /** The report as JSON: totals, counts per feature tag, and one entry per case. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("engine", engine);
    ObjectNode totals = root.putObject("totals");
    totals.put("cases", cases.size());
    for (String s :
        List.of(
            CaseReport.PASSED,
            CaseReport.FAILED,
            CaseReport.EXPECTED_FAILURE,
            CaseReport.UNEXPECTED_PASS)) {
      totals.put(s, count(s));
    }
    Map<String, Map<String, Integer>> byFeature = new TreeMap<>();
    for (CaseReport c : cases) {
      for (String feature : c.features()) {
        byFeature.computeIfAbsent(feature, k -> new TreeMap<>()).merge(c.status(), 1, Integer::sum);
      }
    }
    ObjectNode features = root.putObject("features");
    byFeature.forEach(
        (feature, counts) -> {
          ObjectNode n = features.putObject(feature);
          counts.forEach(n::put);
        });
    ArrayNode entries = root.putArray("cases");
    for (CaseReport c : cases) {
      ObjectNode e = entries.addObject();
      e.put("id", c.id());
      e.put("file", c.file());
      e.put("status", c.status());
      e.put("message", c.message());
      e.put("result", c.verdict().resultMatches() ? "match" : "mismatch");
      e.put("cause", c.verdict().causeMatches() ? "match" : "mismatch");
      if (!c.verdict().causeMatches()) {
        e.put("causeMessage", c.verdict().causeMessage());
      }
      ObjectNode h = e.putObject("history");
      h.put("verdict", c.verdict().history().outcome());
      if (!c.verdict().history().ok()) {
        h.put("firstDifference", c.verdict().history().firstDifference());
        h.put("message", c.verdict().history().message());
      }
      ArrayNode tags = e.putArray("features");
      c.features().forEach(tags::add);
    }
    return root;
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(file.toFile(), toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
