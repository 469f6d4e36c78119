package io.statecraft.workflows;

import static io.statecraft.workflows.support.Definitions.activity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import io.statecraft.workflows.testing.StatecraftTestKit;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The platform's metrics come out of Temporal's Micrometer reporter with the Prometheus names the
 * dashboard uses.
 */
class MetricsTest {

  static final AtomicInteger CALLS = new AtomicInteger();

  public static final class Tasks {
    @AslTask("Sometimes")
    public Map<String, Object> sometimes(JsonNode input) {
      if (CALLS.incrementAndGet() % 2 == 1) {
        throw TaskError.of("Transient", "try again");
      }
      return Map.of("ok", true);
    }
  }

  @Test
  void executionsStatesTasksRetriesAndCallbacksAreMeasuredUnderTheDashboardsNames()
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofMillis(10));
    String definition =
        """
        {"StartAt":"Call","States":{
          "Call":{"Type":"Task","Resource":"%s",
            "Retry":[{"ErrorEquals":["Transient"],"IntervalSeconds":1,"MaxAttempts":2}],
            "ResultPath":"$.result","Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":5,"Next":"Check"},
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"Broken"}],
            "Default":"Done"},
          "Broken":{"Type":"Fail","Error":"Order.Broken","Cause":"on purpose"},
          "Done":{"Type":"Succeed"}}}
        """
            .formatted(activity("Sometimes"));
    try (StatecraftTestKit kit =
        StatecraftTestKit.builder().tasks(new Tasks()).metricsScope(scope).build()) {
      assertThat(kit.run("Metrics", definition, "{\"fail\":false}").status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(kit.run("Metrics", definition, "{\"fail\":true}").error())
          .isEqualTo("Order.Broken");
    }
    scope.close();
    String scrape = registry.scrape();

    assertThat(scrape)
        .containsPattern(
            "statecraft_executions_started_total\\{[^}]*state_machine=\"Metrics\"[^}]*} 2")
        .containsPattern(
            "statecraft_executions_completed_total\\{[^}]*state_machine=\"Metrics\"[^}]*status=\"succeeded\"[^}]*} 1")
        .containsPattern(
            "statecraft_executions_completed_total\\{[^}]*state_machine=\"Metrics\"[^}]*status=\"failed\"[^}]*} 1")
        .containsPattern(
            "statecraft_execution_failures_total\\{[^}]*error=\"Order.Broken\"[^}]*state_machine=\"Metrics\"[^}]*} 1")
        .containsPattern(
            "statecraft_state_duration_seconds_count\\{[^}]*state_type=\"Wait\"[^}]*} 2")
        .containsPattern(
            "statecraft_state_duration_seconds_count\\{[^}]*state_type=\"Task\"[^}]*} 2")
        // Each attempt is a task: two executions of one failed and one successful attempt.
        .containsPattern(
            "statecraft_task_duration_seconds_count\\{[^}]*resource=\"arn:aws:states:us-east-1:123456789012:activity:Sometimes\"[^}]*} 4")
        .containsPattern(
            "statecraft_task_retries_total\\{[^}]*state=\"Call\",state_machine=\"Metrics\"[^}]*} 2");
  }

  @Test
  void callbacksWaitingIsAGaugeOfTheWaitsInThisWorker() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofMillis(10));
    try (StatecraftTestKit kit =
        StatecraftTestKit.builder().tasks(new CallbacksTest.Tasks()).metricsScope(scope).build()) {
      CallbacksTest.kit = kit;
      StatecraftTestKit.Execution waiting =
          kit.start("Waiting", CallbacksTest.definition("HandOut", ""), "{}");
      String token = CallbacksTest.nextToken();
      Thread.sleep(100);
      assertThat(registry.scrape())
          .containsPattern(
              "statecraft_callbacks_waiting\\{[^}]*state_machine=\"Waiting\"[^}]*} 1.0");
      kit.client().sendTaskSuccess(token, "{}");
      waiting.await();
      Thread.sleep(100);
      assertThat(registry.scrape())
          .containsPattern(
              "statecraft_callbacks_waiting\\{[^}]*state_machine=\"Waiting\"[^}]*} 0.0");
    }
    scope.close();
  }
}
