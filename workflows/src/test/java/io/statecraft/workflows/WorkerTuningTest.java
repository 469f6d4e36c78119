package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

class WorkerTuningTest {

  @Test
  void theDefaultsCacheParkedExecutionsOnVirtualThreads() {
    WorkerFactoryOptions factory =
        WorkerTuning.DEFAULTS.applyTo(WorkerFactoryOptions.newBuilder()).build();
    assertThat(factory.getWorkflowCacheSize()).isEqualTo(10_000);
    assertThat(factory.getMaxWorkflowThreadCount()).isEqualTo(20_000);
    assertThat(factory.isUsingVirtualWorkflowThreads()).isTrue();
    WorkerOptions worker = WorkerTuning.DEFAULTS.applyTo(WorkerOptions.newBuilder()).build();
    assertThat(worker.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(5);
    assertThat(worker.getMaxConcurrentActivityTaskPollers()).isEqualTo(5);
    assertThat(worker.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(200);
    assertThat(worker.getMaxConcurrentActivityExecutionSize()).isEqualTo(200);
    assertThat(worker.isUsingVirtualThreadsOnWorkflowWorker()).isTrue();
    assertThat(worker.isUsingVirtualThreadsOnActivityWorker()).isTrue();
  }

  @Test
  void theSdkDefaultsAreTheSdksOwn() {
    WorkerFactoryOptions sdk = WorkerFactoryOptions.newBuilder().validateAndBuildWithDefaults();
    WorkerFactoryOptions ours =
        WorkerTuning.SDK_DEFAULTS
            .applyTo(WorkerFactoryOptions.newBuilder())
            .validateAndBuildWithDefaults();
    assertThat(ours.getWorkflowCacheSize()).isEqualTo(sdk.getWorkflowCacheSize());
    assertThat(ours.getMaxWorkflowThreadCount()).isEqualTo(sdk.getMaxWorkflowThreadCount());
    assertThat(ours.isUsingVirtualWorkflowThreads()).isFalse();
  }

  @Test
  void aSettingBelowOneIsRefusedByName() {
    assertThatThrownBy(() -> new WorkerTuning(0, 1, true, true, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflowCacheSize");
    assertThatThrownBy(() -> new WorkerTuning(1, 1, true, true, 1, 0, 1, 1))
        .hasMessageContaining("activityPollers");
  }
}
