package io.statecraft.bench;

import io.statecraft.bench.platform.SharedPlatform;
import java.io.PrintStream;
import java.util.Objects;

/**
 * What a scenario is told when it runs.
 *
 * @param mode quick or full
 * @param verbose whether to show the measuring tools' own output (JMH's iterations, for example)
 * @param progress where to say what is happening; the figures themselves go into the report
 * @param platform the platform process the run's HTTP scenarios share, started on first use and
 *     stopped by the runner at the end of the run
 */
public record ScenarioContext(
    Mode mode, boolean verbose, PrintStream progress, SharedPlatform platform) {

  public ScenarioContext {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(platform, "platform");
  }

  /** A context with a platform of its own (which the caller must close). */
  public ScenarioContext(Mode mode, boolean verbose, PrintStream progress) {
    this(mode, verbose, progress, new SharedPlatform());
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
