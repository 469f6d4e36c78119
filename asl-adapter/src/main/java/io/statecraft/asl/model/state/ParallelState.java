package io.statecraft.asl.model.state;

import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.Transition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Parallel"}: runs every branch on the same input; the output is their outputs in
 * order.
 */
public record ParallelState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    List<Graph> branches,
    DataFlow dataFlow,
    Optional<Template> assign,
    List<Retrier> retry,
    List<Catcher> catchers)
    implements State {

  public ParallelState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(transition, "transition");
    branches = List.copyOf(branches);
    Objects.requireNonNull(dataFlow, "dataFlow");
    Objects.requireNonNull(assign, "assign");
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
  }
}
