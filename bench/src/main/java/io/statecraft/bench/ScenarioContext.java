package io.statecraft.bench;

import java.io.PrintStream;
import java.util.Objects;

/**
 * What a scenario is told when it runs.
 *
 * @param mode quick or full
 * @param verbose whether to show the measuring tools' own output (JMH's iterations, for example)
 * @param progress where to say what is happening; the figures themselves go into the report
 */
public record ScenarioContext(Mode mode, boolean verbose, PrintStream progress) {

  public ScenarioContext {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(progress, "progress");
  }

  public boolean quick() {
    return mode == Mode.QUICK;
  }

  /** Prints one progress line. */
  public void log(String line) {
    progress.println(line);
    progress.flush();
  }
}
