package io.statecraft.asl.model.state;

import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.choice.Choice;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Choice"}: goes to the {@code Next} of the first rule that matches, else to {@code
 * Default}, else fails with {@code States.NoChoiceMatched}.
 *
 * @param defaultState the {@code Default} state name, if any
 * @param assign the state-level {@code Assign}, evaluated when {@code Default} is taken
 */
public record ChoiceState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    List<Choice> choices,
    Optional<String> defaultState,
    DataFlow dataFlow,
    Optional<Template> assign)
    implements State {

  public ChoiceState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    choices = List.copyOf(choices);
    Objects.requireNonNull(defaultState, "defaultState");
    Objects.requireNonNull(dataFlow, "dataFlow");
    Objects.requireNonNull(assign, "assign");
  }
}
