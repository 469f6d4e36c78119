package io.statecraft.workflows.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Definitions used by the tests. */
public final class Definitions {

  private Definitions() {}

  /** An example state machine from the repository's {@code examples/}. */
  public static String example(String fileName) {
    try {
      return Files.readString(Path.of("../examples").resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ARN of an activity in the tests' account. */
  public static String activity(String name) {
    return "arn:aws:states:us-east-1:123456789012:activity:" + name;
  }
}
