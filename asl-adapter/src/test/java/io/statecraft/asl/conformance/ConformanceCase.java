package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One conformance case: a definition, an input and what AWS recorded for them (see the corpus
 * README). {@code tasks} is this project's extension for its own cases: scripted answers of the
 * Task states' resources.
 *
 * @param id the case id
 * @param file the file it was read from
 * @param features its feature tags
 * @param definition the ASL document
 * @param input the execution input
 * @param expected the {@code expected} object: status, output or error and cause, history
 * @param nondeterministic JSON pointers into {@code expected} whose values are not compared
 * @param tasks scripted task answers by resource, or {@code null}
 */
public record ConformanceCase(
    String id,
    String file,
    List<String> features,
    JsonNode definition,
    JsonNode input,
    JsonNode expected,
    List<String> nondeterministic,
    JsonNode tasks) {

  public ConformanceCase {
    Objects.requireNonNull(id, "id");
    features = List.copyOf(features);
    nondeterministic = List.copyOf(nondeterministic);
  }

  public String expectedStatus() {
    return expected.path("status").asText();
  }

  public boolean hasHistory() {
    return expected.has("history");
  }

  /** Whether the case needs the JSONata query language. */
  public boolean usesJsonata() {
    return features.stream().anyMatch(f -> f.equals("JSONata") || f.startsWith("jsonata:"));
  }
}
