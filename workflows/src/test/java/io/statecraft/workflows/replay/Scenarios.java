package io.statecraft.workflows.replay;

import static io.statecraft.workflows.support.Definitions.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.TaskContext;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import io.statecraft.workflows.HistoryLimits;
import io.statecraft.workflows.WorkerSettings;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The representative executions whose Temporal histories are recorded and replayed: at least one
 * per state type and feature (Task with native and interpreted retries, Catch, Wait, Choice,
 * Parallel, inline Map, batched Map, Distributed Map, callback, continue-as-new, nested execution,
 * stop).
 */
final class Scenarios {

  /** The limits the recordings ran with: small, so that batches and new runs appear. */
  static final HistoryLimits LIMITS = new HistoryLimits(5_000, 60, 4, 3, 10, 4, 25_000);

  static final WorkerSettings SETTINGS =
      WorkerSettings.on(StatecraftTestKit.TASK_QUEUE).withLimits(LIMITS);

  /** One scenario: a definition, an input, and what to do while it runs. */
  record Scenario(String name, String definition, String input, Consumer<Run> whileRunning) {}

  /** What a scenario may do while its execution runs. */
  interface Run {
    StatecraftTestKit kit();

    StatecraftTestKit.Execution execution();

    String nextToken() throws InterruptedException;
  }

  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  /** The tasks of the scenarios. */
  public static final class Tasks {
    final java.util.concurrent.BlockingQueue<String> tokens;

    Tasks(java.util.concurrent.BlockingQueue<String> tokens) {
      this.tokens = tokens;
    }

    @AslTask("Add")
    public Map<String, Object> add(JsonNode input) {
      return Map.of("sum", input.path("a").asInt() + input.path("b").asInt());
    }

    @AslTask("FailTwice")
    public Map<String, Object> failTwice(JsonNode input, TaskContext context) {
      int call =
          CALLS
              .computeIfAbsent(context.idempotencyKey(), k -> new AtomicInteger())
              .incrementAndGet();
      if (call <= 2) {
        throw TaskError.of("Scenario.Transient", "call " + call);
      }
      return Map.of("calls", call);
    }

    @AslTask("AlwaysFails")
    public Object alwaysFails(JsonNode input) {
      throw TaskError.of("Scenario.Broken", "always");
    }

    @AslTask("HandOut")
    public Map<String, Object> handOut(JsonNode input) {
      tokens.add(input.path("token").asText());
      return Map.of("queued", true);
    }
  }

  static final String CHILD =
      """
      {"StartAt":"Double","States":{"Double":{"Type":"Pass",
        "Parameters":{"n.$":"States.MathAdd($.n, $.n)"},"End":true}}}
      """;

  static List<Scenario> all() {
    Map<String, Scenario> s = new LinkedHashMap<>();
    add(
        s,
        "task-native-retry",
        """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s",
          "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":2}],
          "End":true}}}
        """
            .formatted(activity("FailTwice")),
        "{}");
    add(
        s,
        "task-interpreted-retry-and-catch",
        """
        {"StartAt":"Call","States":{
          "Call":{"Type":"Task","Resource":"%s","Retry":[
            {"ErrorEquals":["Scenario.Broken"],"IntervalSeconds":1,"MaxAttempts":2,"JitterStrategy":"FULL"},
            {"ErrorEquals":["States.ALL"],"MaxAttempts":0}],
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Recover"}],"End":true},
          "Recover":{"Type":"Task","Resource":"%s","Parameters":{"a":1,"b":2},"End":true}}}
        """
            .formatted(activity("AlwaysFails"), activity("Add")),
        "{}");
    add(
        s,
        "pass-choice-wait-succeed",
        """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Result":{"go":true},"ResultPath":"$.flags","Next":"Decide"},
          "Decide":{"Type":"Choice","Choices":[{"Variable":"$.flags.go","BooleanEquals":true,
            "Next":"Pause"}],"Default":"Stop"},
          "Pause":{"Type":"Wait","Seconds":30,"Next":"Done"},
          "Stop":{"Type":"Fail","Error":"Scenario.Stopped"},
          "Done":{"Type":"Succeed"}}}
        """,
        "{}");
    add(
        s,
        "fail-state",
        """
        {"StartAt":"Stop","States":{"Stop":{"Type":"Fail","Error":"Scenario.Stopped","Cause":"by design"}}}
        """,
        "{}");
    add(
        s,
        "parallel",
        """
        {"StartAt":"Both","States":{"Both":{"Type":"Parallel","Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","Parameters":{"a":1,"b":1},"End":true}}},
          {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":5,"End":true}}}],"End":true}}}
        """
            .formatted(activity("Add")),
        "{}");
    String map =
        """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":2,
          "ItemProcessor":{"ProcessorConfig":{%s},"StartAt":"Sum","States":{
            "Sum":{"Type":"Task","Resource":"%s","Parameters":{"a.$":"$","b":10},"End":true}}},
          "End":true}}}
        """;
    String inline = "\"Mode\":\"INLINE\"";
    String distributed = "\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"";
    add(s, "inline-map", map.formatted(inline, activity("Add")), "[1,2,3]");
    add(s, "batched-map", map.formatted(inline, activity("Add")), "[1,2,3,4,5,6,7,8]");
    add(s, "distributed-map", map.formatted(distributed, activity("Add")), "[1,2,3,4]");
    s.put(
        "callback",
        new Scenario(
            "callback",
            """
            {"StartAt":"Review","States":{"Review":{"Type":"Task",
              "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","HeartbeatSeconds":600,
              "Parameters":{"FunctionName":"HandOut","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
            """,
            "{}",
            run -> {
              try {
                String token = run.nextToken();
                run.kit().client().sendTaskHeartbeat(token);
                run.kit().client().sendTaskSuccess(token, "{\"approved\":true}");
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }));
    add(
        s,
        "continue-as-new",
        """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericGreaterThanEquals":25,"Next":"Done"}],
            "Default":"Step"},
          "Step":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":1,"Next":"Check"},
          "Done":{"Type":"Succeed"}}}
        """,
        "{\"i\":0}");
    add(
        s,
        "start-execution-sync",
        """
        {"StartAt":"Child","States":{"Child":{"Type":"Task",
          "Resource":"arn:aws:states:::states:startExecution.sync:2",
          "Parameters":{"StateMachineArn":"%s","Name":"nested-1","Input":{"n":21}},"End":true}}}
        """
            .formatted(StatecraftTestKit.stateMachineArn("Child")),
        "{}");
    add(
        s,
        "jsonata-assign",
        """
        {"QueryLanguage":"JSONata","StartAt":"Remember","States":{
          "Remember":{"Type":"Pass","Assign":{"total":"{%% $states.input.a + $states.input.b %%}"},
            "Next":"Call"},
          "Call":{"Type":"Task","Resource":"%s","Arguments":{"a":"{%% $total %%}","b":1},
            "Assign":{"added":"{%% $states.result.sum %%}"},
            "Output":"{%% {'added': $added, 'total': $total} %%}","End":true}}}
        """
            .formatted(activity("Add")),
        "{\"a\":2,\"b\":3}");
    s.put(
        "stopped",
        new Scenario(
            "stopped",
            """
            {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":86400,"End":true}}}
            """,
            "{}",
            run ->
                run.kit().client().stop(run.execution().workflowId(), "Scenario.Stop", "asked")));
    return List.copyOf(s.values());
  }

  private static void add(Map<String, Scenario> s, String name, String definition, String input) {
    s.put(name, new Scenario(name, definition, input, run -> {}));
  }

  private Scenarios() {}
}
