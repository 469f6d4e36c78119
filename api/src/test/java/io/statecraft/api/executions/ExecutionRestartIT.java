package io.statecraft.api.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.statecraft.api.StatecraftApplication;
import io.statecraft.api.executions.ExecutionRecords.ExecutionRow;
import io.statecraft.api.executions.ExecutionRecords.RowStatus;
import io.statecraft.api.statemachines.Arns;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.workflows.WorkflowIds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a restart of the embedded mode does to executions. The registry, and with it the execution
 * table, is on disk; the embedded Temporal server keeps its workflows in memory. So after a
 * restart:
 *
 * <ul>
 *   <li>executions that had ended are still listed and described, with their output or error, and
 *       their history is what the record keeps (start and end);
 *   <li>executions accepted but not yet handed to Temporal (the process died in between) are
 *       started;
 *   <li>executions that were running are lost with the server: they are recorded as {@code FAILED}
 *       with the error {@code Statecraft.ExecutionLost}.
 * </ul>
 */
class ExecutionRestartIT {

  static final String ROLE = "arn:aws:iam::123456789012:role/r";
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"done\",\"End\":true}}}";
  static final String WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";

  @TempDir Path dataDir;

  ConfigurableApplicationContext start(String reconcileInterval) {
    return new SpringApplicationBuilder(StatecraftApplication.class)
        .run(
            "--statecraft.data-dir=" + dataDir,
            "--server.port=0",
            "--statecraft.temporal.embedded.port=0",
            "--statecraft.examples.preload=false",
            "--statecraft.executions.reconcile-interval=" + reconcileInterval);
  }

  static ExecutionService.Execution awaitEnd(ExecutionService executions, String arn) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> executions.describe(arn), e -> e.status() != ExecutionService.Status.RUNNING);
  }

  @Test
  void endedExecutionsAreKeptPendingOnesStartAndRunningOnesAreRecordedAsLost() {
    String finished;
    String held;
    String accepted;
    // The first process reconciles only as it starts, so the row written below stays pending.
    try (ConfigurableApplicationContext first = start("1h")) {
      StateMachineRegistry registry = first.getBean(StateMachineRegistry.class);
      ExecutionService executions = first.getBean(ExecutionService.class);
      ExecutionRecords records = first.getBean(ExecutionRecords.class);
      Arns arns = first.getBean(Arns.class);
      String passes = create(registry, "Passes", PASS);
      String waits = create(registry, "Waits", WAIT);

      finished =
          executions
              .start(new ExecutionService.StartCommand(passes, "finished", "{\"a\":1}", null))
              .executionArn();
      assertThat(awaitEnd(executions, finished).output()).isEqualTo("\"done\"");
      held =
          executions
              .start(new ExecutionService.StartCommand(waits, "held", "{}", null))
              .executionArn();
      assertThat(executions.describe(held).status()).isEqualTo(ExecutionService.Status.RUNNING);

      // An execution recorded but never handed to Temporal: the process stops right after the row
      // is written.
      var target = registry.resolveForExecution(passes, "accepted");
      accepted = arns.execution("Passes", "accepted");
      records.accept(
          new ExecutionRow(
              accepted,
              "accepted",
              passes,
              null,
              null,
              null,
              target.revision().revisionId(),
              "{\"b\":2}",
              ExecutionRecords.sha256("{\"b\":2}"),
              RowStatus.PENDING,
              Instant.now().truncatedTo(ChronoUnit.MILLIS),
              null,
              WorkflowIds.execution("Passes", "accepted"),
              null));
    }

    try (ConfigurableApplicationContext second = start("200ms")) {
      ExecutionService executions = second.getBean(ExecutionService.class);
      ExecutionRecords records = second.getBean(ExecutionRecords.class);

      ExecutionService.Execution done = executions.describe(finished);
      assertThat(done.status()).isEqualTo(ExecutionService.Status.SUCCEEDED);
      assertThat(done.output()).isEqualTo("\"done\"");
      assertThat(done.input()).isEqualTo("{\"a\":1}");
      List<ExecutionService.HistoryEvent> history =
          executions
              .history(new ExecutionService.HistoryQuery(finished, null, 0, false, true))
              .items();
      assertThat(history)
          .extracting(ExecutionService.HistoryEvent::type)
          .containsExactly("ExecutionStarted", "ExecutionSucceeded");
      assertThat(history.get(0).details()).contains("{\\\"a\\\":1}");

      ExecutionService.Execution lost = awaitEnd(executions, held);
      assertThat(lost.status()).isEqualTo(ExecutionService.Status.FAILED);
      assertThat(lost.error()).isEqualTo("Statecraft.ExecutionLost");
      assertThat(lost.cause()).contains("in memory");
      assertThat(
              executions
                  .list(
                      new ExecutionService.ListQuery(
                          records.find(held).orElseThrow().stateMachineArn(),
                          ExecutionService.Status.FAILED,
                          null,
                          0))
                  .items())
          .extracting(ExecutionService.ExecutionSummary::name)
          .containsExactly("held");

      // The background work starts what was accepted and never started.
      ExecutionService.Execution started = awaitEnd(executions, accepted);
      assertThat(started.status()).isEqualTo(ExecutionService.Status.SUCCEEDED);
      assertThat(started.output()).isEqualTo("\"done\"");
    }
  }

  static String create(StateMachineRegistry registry, String name, String definition) {
    return registry
        .create(
            new StateMachineRegistry.CreateCommand(
                name, definition, ROLE, null, null, null, null, false, null, List.of()))
        .stateMachineArn();
  }
}
