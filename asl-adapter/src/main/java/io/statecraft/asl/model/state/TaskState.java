package io.statecraft.asl.model.state;

import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Task"}: runs the work named by {@code Resource}.
 *
 * @param timeoutSeconds TimeoutSeconds or TimeoutSecondsPath (or a JSONata TimeoutSeconds)
 * @param heartbeatSeconds HeartbeatSeconds or HeartbeatSecondsPath (or a JSONata one)
 * @param credentials the {@code Credentials} template, if any
 */
public record TaskState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    String resource,
    DataFlow dataFlow,
    Optional<Template> assign,
    Optional<ValueSource> timeoutSeconds,
    Optional<ValueSource> heartbeatSeconds,
    Optional<Template> credentials,
    List<Retrier> retry,
    List<Catcher> catchers)
    implements State {

  public TaskState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(dataFlow, "dataFlow");
    Objects.requireNonNull(assign, "assign");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(heartbeatSeconds, "heartbeatSeconds");
    Objects.requireNonNull(credentials, "credentials");
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
  }
}
