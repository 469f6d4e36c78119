package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.workflows.StatecraftClient.HistoryPage;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GetExecutionHistory pages across the runs of an execution, in both orders. */
class HistoryPagingTest {

  static StatecraftTestKit kit;
  static StatecraftTestKit.Execution execution;
  static List<HistoryEvent> all;

  @BeforeAll
  static void start() {
    kit =
        StatecraftTestKit.builder()
            .settings(
                WorkerSettings.on(StatecraftTestKit.TASK_QUEUE)
                    .withLimits(new HistoryLimits(5_000, 40, 40, 100, 500, 20, 25_000)))
            .build();
    execution = kit.start("Paging", ContinueAsNewTest.loop(60, false), "{}");
    all = execution.await().history();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @Test
  void theExecutionSpansSeveralRuns() {
    assertThat(execution.progress().run()).isGreaterThan(4);
    assertThat(all).hasSize(1 + 2 + 4 * 60 + 2 + 2 + 1);
    ContinueAsNewTest.assertContiguous(all);
  }

  @Test
  void forwardPagesOfAnySizeAddUpToTheWholeHistory() {
    for (int size : List.of(3, 7, 100, 1000)) {
      assertThat(pages(size, false)).isEqualTo(all);
    }
  }

  @Test
  void reversePagesReadTheHistoryNewestFirst() {
    List<HistoryEvent> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    for (int size : List.of(5, 13, 1000)) {
      assertThat(pages(size, true)).isEqualTo(reversed);
    }
  }

  @Test
  void aPageTokenBelongsToItsExecutionAndOrder() {
    HistoryPage first = kit.client().history(execution.workflowId(), null, 5, false);
    assertThat(first.nextToken()).isNotNull();
    assertThatThrownBy(
            () -> kit.client().history(execution.workflowId(), first.nextToken(), 5, true))
        .isInstanceOfSatisfying(
            StatecraftClientException.class,
            e -> assertThat(e.reason()).isEqualTo(StatecraftClientException.Reason.INVALID_TOKEN));
    assertThatThrownBy(() -> kit.client().history("Paging/other", first.nextToken(), 5, false))
        .isInstanceOf(StatecraftClientException.class);
    assertThatThrownBy(() -> kit.client().history(execution.workflowId(), "garbage!", 5, false))
        .isInstanceOf(StatecraftClientException.class);
    assertThatThrownBy(() -> kit.client().history("Paging/none", null, 5, false))
        .isInstanceOfSatisfying(
            StatecraftClientException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(StatecraftClientException.Reason.EXECUTION_DOES_NOT_EXIST));
  }

  static List<HistoryEvent> pages(int size, boolean reverse) {
    List<HistoryEvent> events = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      HistoryPage page = kit.client().history(execution.workflowId(), token, size, reverse);
      assertThat(page.events()).hasSizeLessThanOrEqualTo(size);
      if (page.nextToken() != null) {
        assertThat(page.events()).hasSize(size);
      }
      events.addAll(page.events());
      token = page.nextToken();
      pages++;
    } while (token != null && pages < 10_000);
    return events;
  }
}
