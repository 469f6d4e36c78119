package io.statecraft.bench;

import java.util.Locale;

/** How long and how carefully the scenarios measure. */
public enum Mode {
  /** A smoke run: every figure is produced, in under two minutes for all scenarios together. */
  QUICK,
  /** The run whose figures go into the README: more forks, warm-up and samples. */
  FULL;

  /** The mode as the report writes it: {@code quick} or {@code full}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
