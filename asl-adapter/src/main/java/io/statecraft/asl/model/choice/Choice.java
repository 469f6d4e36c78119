package io.statecraft.asl.model.choice;

import io.statecraft.asl.expr.Template;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a Choice state's {@code Choices}: a rule and where to go when it matches.
 *
 * @param rule the rule to evaluate
 * @param next the state to go to when it matches
 * @param assign the {@code Assign} evaluated when this rule is taken
 * @param output the JSONata {@code Output} when this rule is taken
 * @param comment the {@code Comment}, or {@code null}
 */
public record Choice(
    ChoiceRule rule,
    String next,
    Optional<Template> assign,
    Optional<Template> output,
    String comment) {

  public Choice {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(assign, "assign");
    Objects.requireNonNull(output, "output");
  }
}
