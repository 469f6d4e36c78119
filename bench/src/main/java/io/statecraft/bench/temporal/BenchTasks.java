package io.statecraft.bench.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.demo.DemoServices;
import io.statecraft.activities.demo.DemoSettings;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.statecraft.workflows.WorkerTuning;
import java.util.Locale;
import java.util.function.Consumer;

/** The tasks the in-process scenarios' worker runs, and the tuning it runs with. */
public final class BenchTasks {

  /** The no-op task: answers its input. Its activity type and task name. */
  public static final String NOOP = "Noop";

  /** The Task resource that runs {@link #NOOP}. */
  public static final String NOOP_RESOURCE = "arn:aws:states:us-east-1:123456789012:activity:Noop";

  /**
   * The system property that selects the worker tuning: {@code platform} (the default, {@link
   * WorkerTuning#DEFAULTS}) or {@code sdk} ({@link WorkerTuning#SDK_DEFAULTS}), to measure what the
   * tuning changes.
   */
  public static final String TUNING_PROPERTY = "statecraft.bench.tuning";

  private BenchTasks() {}

  /** The no-op task and the demo tasks (instant, no failures). */
  public static TaskDispatcher dispatcher() {
    return dispatcher(builder -> {});
  }

  /** The no-op task, the demo tasks, and what {@code extra} registers. */
  public static TaskDispatcher dispatcher(Consumer<TaskDispatcher.Builder> extra) {
    DemoServices demo = DemoServices.create(DemoSettings.defaults());
    TaskDispatcher.Builder builder =
        TaskDispatcher.builder()
            .register(demo.taskObjects().toArray())
            .task(NOOP, JsonNode.class, (input, context) -> input);
    extra.accept(builder);
    return builder.build();
  }

  /**
   * The tuning {@value #TUNING_PROPERTY} selects, with any of its fields replaced by a system
   * property {@code statecraft.bench.tuning.<field>} (for example {@code
   * -Dstatecraft.bench.tuning.workflowPollers=10}), to measure one setting at a time.
   */
  public static WorkerTuning tuning() {
    String value = System.getProperty(TUNING_PROPERTY, "platform").toLowerCase(Locale.ROOT);
    WorkerTuning base =
        switch (value) {
          case "platform" -> WorkerTuning.DEFAULTS;
          case "sdk" -> WorkerTuning.SDK_DEFAULTS;
          default ->
              throw new IllegalArgumentException(
                  "-D" + TUNING_PROPERTY + " is 'platform' or 'sdk', not '" + value + "'");
        };
    return new WorkerTuning(
        intProperty("workflowCacheSize", base.workflowCacheSize()),
        intProperty("maxWorkflowThreads", base.maxWorkflowThreads()),
        boolProperty("virtualWorkflowThreads", base.virtualWorkflowThreads()),
        boolProperty("virtualTaskThreads", base.virtualTaskThreads()),
        intProperty("workflowPollers", base.workflowPollers()),
        intProperty("activityPollers", base.activityPollers()),
        intProperty("maxConcurrentWorkflowTasks", base.maxConcurrentWorkflowTasks()),
        intProperty("maxConcurrentActivities", base.maxConcurrentActivities()));
  }

  /** How the report names the tuning: {@code platform}, {@code sdk}, or either with overrides. */
  public static String tuningName() {
    String name = System.getProperty(TUNING_PROPERTY, "platform").toLowerCase(Locale.ROOT);
    WorkerTuning base = name.equals("sdk") ? WorkerTuning.SDK_DEFAULTS : WorkerTuning.DEFAULTS;
    WorkerTuning actual = tuning();
    return actual.equals(base) ? name : name + " " + actual;
  }

  private static int intProperty(String field, int fallback) {
    String v = System.getProperty(TUNING_PROPERTY + "." + field);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + TUNING_PROPERTY + "." + field + " is a whole number, not '" + v + "'", e);
    }
  }

  private static boolean boolProperty(String field, boolean fallback) {
    String v = System.getProperty(TUNING_PROPERTY + "." + field);
    if (v == null) {
      return fallback;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(
          "-D" + TUNING_PROPERTY + "." + field + " is true or false, not '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }
}
