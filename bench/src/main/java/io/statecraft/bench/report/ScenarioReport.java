package io.statecraft.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scenario reported.
 *
 * @param name the scenario's name
 * @param description one line: what the scenario measures
 * @param parameters the sizes and settings it ran with (input bytes, iterations, forks, ...);
 *     values are strings, numbers, booleans or lists of them
 * @param figures its figures, in the order they are shown
 * @param notes what is and is not included in the figures, and anything else a reader needs
 * @param durationSeconds how long the scenario ran, in wall-clock seconds
 */
public record ScenarioReport(
    String name,
    String description,
    Map<String, Object> parameters,
    List<Figure> figures,
    List<String> notes,
    double durationSeconds) {

  public ScenarioReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
    Map<String, Figure> seen = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (!f.name().startsWith(name + ".")) {
        throw new IllegalArgumentException(
            "the figure '"
                + f.name()
                + "' of scenario '"
                + name
                + "' must start with '"
                + name
                + ".'");
      }
      if (seen.put(f.name(), f) != null) {
        throw new IllegalArgumentException("the figure '" + f.name() + "' is reported twice");
      }
    }
  }

  /** The same report with another duration. */
  public ScenarioReport withDuration(double seconds) {
    return new ScenarioReport(name, description, parameters, figures, notes, seconds);
  }
}
