package io.statecraft.asl.model.state;

import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Wait"}: delays for some seconds or until a timestamp.
 *
 * @param until Seconds, SecondsPath, Timestamp or TimestampPath (or their JSONata forms)
 */
public record WaitState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    WaitFor until,
    DataFlow dataFlow,
    Optional<Template> assign)
    implements State {

  public WaitState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(dataFlow, "dataFlow");
    Objects.requireNonNull(assign, "assign");
  }

  /** What a Wait state waits for. */
  public sealed interface WaitFor permits Seconds, Timestamp {}

  /** A number of seconds: {@code Seconds} or {@code SecondsPath}. */
  public record Seconds(ValueSource value) implements WaitFor {
    public Seconds {
      Objects.requireNonNull(value, "value");
    }
  }

  /** An RFC 3339 timestamp: {@code Timestamp} or {@code TimestampPath}. */
  public record Timestamp(ValueSource value) implements WaitFor {
    public Timestamp {
      Objects.requireNonNull(value, "value");
    }
  }
}
