package io.statecraft.workflows.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.workflows.StatecraftWorkers;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The determinism guard: every committed history ({@code src/test/resources/histories}) replays on
 * the current code with {@code WorkflowReplayer}. A change that would send a recorded execution
 * down another path fails here; such a change goes behind a {@code Changes} id.
 */
class ReplayTest {

  static final Path COMMITTED = Path.of("src/test/resources/histories");

  @Test
  void everyCommittedHistoryReplays() throws Exception {
    assertThat(replayAll(COMMITTED)).hasSizeGreaterThanOrEqualTo(20);
  }

  /** Replays every history of a directory (named in its {@code index.json}); returns the names. */
  static List<String> replayAll(Path directory) throws Exception {
    JsonNode index = new ObjectMapper().readTree(directory.resolve("index.json").toFile());
    List<String> replayed = new ArrayList<>();
    try (TestWorkflowEnvironment environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(StatecraftWorkers.factoryOptions().build())
                .build())) {
      Worker worker =
          StatecraftWorkers.register(environment.getWorkerFactory(), Scenarios.SETTINGS);
      for (Map.Entry<String, JsonNode> entry : index.properties()) {
        WorkflowExecutionHistory history =
            WorkflowExecutionHistory.fromJson(
                read(directory.resolve(entry.getKey())), entry.getValue().asText());
        try {
          WorkflowReplayer.replayWorkflowExecution(history, worker);
        } catch (Exception | Error e) {
          throw new AssertionError("the history " + entry.getKey() + " no longer replays", e);
        }
        replayed.add(entry.getKey());
      }
    }
    return replayed;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
