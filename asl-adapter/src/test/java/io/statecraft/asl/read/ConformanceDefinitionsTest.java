package io.statecraft.asl.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.ValidationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every definition of the conformance corpus was accepted by AWS, so every one must read without
 * error. The corpus lives outside the project ({@code -Dconformance.dir=DIR}, else the nearest
 * {@code shared/conformance/cases} above the working directory); the project's own copies of
 * representative definitions are read by {@link ProjectDefinitionsTest}.
 */
class ConformanceDefinitionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path corpus() {
    String configured = System.getProperty("conformance.dir");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/conformance/cases");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedDefinitionReadsWithoutError() throws IOException {
    Path dir = corpus();
    if (dir == null) {
      return Stream.empty();
    }
    List<Path> cases;
    try (Stream<Path> files = Files.list(dir)) {
      cases = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(cases).as("conformance cases in %s", dir).isNotEmpty();
    return cases.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      JsonNode definition = read(file).get("definition");
                      List<Diagnostic> errors =
                          AslReader.read(
                                  JSON.writeValueAsString(definition), ValidationOptions.DEFAULTS)
                              .diagnostics()
                              .stream()
                              .filter(Diagnostic::isError)
                              .toList();
                      assertThat(errors).isEmpty();
                    }));
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
