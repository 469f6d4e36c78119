package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checked-in list of cases known not to pass yet, each with its reason: a JSON object from case
 * id to reason. A listed case that fails is an expected failure; a listed case that passes is an
 * unexpected pass and fails the build, so the list shrinks as the engine improves.
 */
public final class ExpectedFailures {

  private final Map<String, String> reasons;

  private ExpectedFailures(Map<String, String> reasons) {
    this.reasons = Collections.unmodifiableMap(reasons);
  }

  public static ExpectedFailures none() {
    return new ExpectedFailures(new LinkedHashMap<>());
  }

  /** Reads the list from a class-path resource; a missing resource is an empty list. */
  public static ExpectedFailures fromResource(String resource) {
    try (InputStream in = ExpectedFailures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return none();
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, String> reasons = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          throw new IllegalArgumentException(
              resource + ": the expected failure '" + e.getKey() + "' needs a reason");
        }
        reasons.put(e.getKey(), e.getValue().asText());
      }
      return new ExpectedFailures(reasons);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  public Optional<String> reason(String caseId) {
    return Optional.ofNullable(reasons.get(caseId));
  }

  public Map<String, String> all() {
    return reasons;
  }
}
