package io.statecraft.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.Asl;
import io.statecraft.bench.temporal.BenchTasks;
import org.junit.jupiter.api.Test;

class OverheadScenarioTest {

  @Test
  void theInterpretedSideIsTenTaskStatesOfTheNoOpTaskWithoutTimeoutOrRetry() {
    String definition = OverheadScenario.definition();
    assertThat(Asl.validate(definition).ok()).isTrue();
    var machine = Asl.read(definition);
    assertThat(machine.graph().states()).hasSize(OverheadScenario.TASKS);
    assertThat(definition)
        .contains(BenchTasks.NOOP_RESOURCE)
        .doesNotContain("TimeoutSeconds")
        .doesNotContain("Retry");
  }

  @Test
  void theHandWrittenSideUsesAwssDefaultTaskTimeout() {
    assertThat(HandWrittenWorkflowImpl.TASK_TIMEOUT.toSeconds()).isEqualTo(99_999_999L);
  }
}
