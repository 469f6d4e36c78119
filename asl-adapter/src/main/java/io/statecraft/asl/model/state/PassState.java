package io.statecraft.asl.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Transition;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Pass"}: passes its input to its output, optionally injecting {@code Result}.
 *
 * @param result the {@code Result} literal (JSONPath states), if any
 */
public record PassState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    DataFlow dataFlow,
    Optional<JsonNode> result,
    Optional<Template> assign)
    implements State {

  public PassState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(dataFlow, "dataFlow");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(assign, "assign");
  }
}
