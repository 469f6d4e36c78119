package io.statecraft.asl.model;

import io.statecraft.asl.expr.Template;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a state's {@code Catch} array.
 *
 * @param errorEquals the error names it matches, in order
 * @param next the state to go to
 * @param resultPath where the error output goes (JSONPath states; REPLACE when absent)
 * @param output the JSONata {@code Output} (JSONata states)
 * @param assign the {@code Assign} evaluated when the catcher is taken
 * @param comment the {@code Comment}, or {@code null}
 */
public record Catcher(
    List<String> errorEquals,
    String next,
    ResultPathSpec resultPath,
    Optional<Template> output,
    Optional<Template> assign,
    String comment) {

  public Catcher {
    errorEquals = List.copyOf(errorEquals);
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(resultPath, "resultPath");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(assign, "assign");
  }
}
