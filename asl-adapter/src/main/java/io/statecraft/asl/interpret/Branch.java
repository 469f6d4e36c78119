package io.statecraft.asl.interpret;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * One branch or iteration: its description, and the body that runs it in this process.
 *
 * @param spec the serialisable description, for running it elsewhere through {@link
 *     Interpreter#runBranch}
 * @param body runs it in this process through the same core; not serialised
 */
public record Branch(BranchSpec spec, @JsonIgnore BranchBody body) {
  public Branch {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(body, "body");
  }
}
