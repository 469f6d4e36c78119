package io.statecraft.asl.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.ValidationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's own copies of representative definitions that AWS accepted, so that a clone without
 * the shared conformance corpus still reads them.
 */
class ProjectDefinitionsTest {

  static String resource(String name) {
    try (InputStream in =
        ProjectDefinitionsTest.class.getResourceAsStream("/definitions/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test definition " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "choice-operators.json",
        "context-and-intrinsics.json",
        "fail-paths.json",
        "jsonata-machine.json",
        "map-distributed.json",
        "map-iterator-legacy.json",
        "mixed-query-languages.json",
        "parallel-retry-catch.json",
        "pass-data-flow.json",
        "task-everything.json",
        "variables.json",
        "wait-variants.json"
      })
  void readsWithoutError(String name) {
    List<Diagnostic> errors =
        AslReader.read(resource(name), ValidationOptions.DEFAULTS).diagnostics().stream()
            .filter(Diagnostic::isError)
            .toList();
    assertThat(errors).isEmpty();
  }
}
