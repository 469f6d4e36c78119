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

  /** The tuning {@value #TUNING_PROPERTY} selects. */
  public static WorkerTuning tuning() {
    String value = System.getProperty(TUNING_PROPERTY, "platform").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "platform" -> WorkerTuning.DEFAULTS;
      case "sdk" -> WorkerTuning.SDK_DEFAULTS;
      default ->
          throw new IllegalArgumentException(
              "-D" + TUNING_PROPERTY + " is 'platform' or 'sdk', not '" + value + "'");
    };
  }

  /** The name of the tuning {@value #TUNING_PROPERTY} selects, for the report's parameters. */
  public static String tuningName() {
    return tuning() == WorkerTuning.DEFAULTS ? "platform" : "sdk";
  }
}
