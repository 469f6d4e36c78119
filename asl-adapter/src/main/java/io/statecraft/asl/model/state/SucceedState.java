package io.statecraft.asl.model.state;

import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import java.util.Objects;

/** {@code "Type": "Succeed"}: ends its graph successfully. */
public record SucceedState(
    String name, String comment, QueryLanguage queryLanguage, DataFlow dataFlow) implements State {

  public SucceedState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(dataFlow, "dataFlow");
  }
}
