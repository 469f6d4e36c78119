package io.statecraft.api.statemachines;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.api.PlatformITBase;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.statemachines.StateMachineRegistry.CreateCommand;
import io.statecraft.api.statemachines.StateMachineRegistry.UpdateCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Concurrent updates with publish on one state machine: serialised, each version distinct. */
class ConcurrentPublishIT extends PlatformITBase {

  @Autowired StateMachineRegistry registry;

  @Test
  void concurrentPublishesGetDistinctVersionsOrAConflict() throws Exception {
    String arn =
        registry
            .create(
                new CreateCommand(
                    "Contended",
                    "{\"StartAt\":\"S0\",\"States\":{\"S0\":{\"Type\":\"Succeed\"}}}",
                    "arn:aws:iam::123456789012:role/r",
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    List.of()))
            .stateMachineArn();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 1; i <= 16; i++) {
      String state = "S" + i;
      Callable<String> update =
          () -> {
            try {
              return registry
                  .update(
                      new UpdateCommand(
                          arn,
                          "{\"StartAt\":\""
                              + state
                              + "\",\"States\":{\""
                              + state
                              + "\":{\"Type\":\"Succeed\"}}}",
                          null,
                          null,
                          null,
                          null,
                          true,
                          null))
                  .versionArn();
            } catch (ApiException e) {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
              return null;
            }
          };
      results.add(pool.submit(update));
    }
    List<String> versions = new ArrayList<>();
    for (Future<String> result : results) {
      String version = result.get(60, TimeUnit.SECONDS);
      if (version != null) {
        versions.add(version);
      }
    }
    pool.shutdown();

    assertThat(versions).doesNotHaveDuplicates().isNotEmpty();
    assertThat(registry.listVersions(arn, null, 0).items()).hasSize(versions.size());
    // Each published version froze the definition its own update wrote.
    for (String version : versions) {
      var described = registry.describe(version);
      assertThat(described.revision().definition()).contains("\"StartAt\":\"S");
    }
  }

  @Autowired io.statecraft.api.executions.ExecutionRecords executions;
  @Autowired Arns arns;

  @Test
  void concurrentStartsOfOneNameRecordOneExecution() throws Exception {
    registry.create(
        new CreateCommand(
            "Raced",
            "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}",
            "arn:aws:iam::123456789012:role/r",
            null,
            null,
            null,
            null,
            false,
            null,
            List.of()));
    var target = registry.resolveForExecution(arns.stateMachine("Raced"), "same");
    var row =
        new io.statecraft.api.executions.ExecutionRecords.ExecutionRow(
            arns.execution("Raced", "same"),
            "same",
            target.stateMachine().arn(),
            null,
            null,
            null,
            target.revision().revisionId(),
            "{}",
            io.statecraft.api.executions.ExecutionRecords.sha256("{}"),
            io.statecraft.api.executions.ExecutionRecords.RowStatus.PENDING,
            java.time.Instant.now(),
            null,
            "wf-same",
            null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> executions.accept(row).created()));
    }
    int created = 0;
    for (Future<Boolean> result : results) {
      if (result.get(60, TimeUnit.SECONDS)) {
        created++;
      }
    }
    pool.shutdown();
    assertThat(created).isEqualTo(1);
    assertThat(executions.list(target.stateMachine().arn(), null, null, 10).items()).hasSize(1);
  }
}
