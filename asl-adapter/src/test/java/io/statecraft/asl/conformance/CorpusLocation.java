package io.statecraft.asl.conformance;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the recorded corpus is: {@code -Dconformance.dir=DIR} when given, else {@code
 * <repository>/../shared/conformance/cases}. Surefire runs in the module directory, one level below
 * the repository root.
 */
public final class CorpusLocation {

  /** The environment variable that makes a missing or empty corpus an error (CI sets it). */
  public static final String REQUIRED_ENV = "STATECRAFT_CONFORMANCE_REQUIRED";

  private CorpusLocation() {}

  public static Path corpusDirectory(Path moduleDirectory) {
    String configured = System.getProperty("conformance.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return moduleDirectory.toAbsolutePath().resolve("../../shared/conformance/cases").normalize();
  }

  public static boolean required() {
    return "1".equals(System.getenv(REQUIRED_ENV));
  }

  /** Why the corpus cannot be run, or empty when it can. */
  public static Optional<String> problem(Path corpus) {
    if (!CaseLoader.hasCases(corpus)) {
      return Optional.of("the conformance corpus " + corpus + " is missing or holds no case");
    }
    return Optional.empty();
  }
}
