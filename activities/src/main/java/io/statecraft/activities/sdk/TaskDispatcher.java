package io.statecraft.activities.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.statecraft.activities.TaskContext;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.DynamicActivity;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.EncodedValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Temporal activity that runs ASL tasks: one {@link DynamicActivity} that receives every
 * activity type sent to its worker's task queue and routes it, by type, to the task registered
 * under that name.
 *
 * <p>Each activity gets one argument, the state's effective parameters as JSON, and returns one
 * JSON value. The dispatcher reads the argument into the task's parameter type and writes the
 * task's result back to JSON with one shared {@link ObjectMapper}.
 *
 * <pre>{@code
 * TaskDispatcher dispatcher = TaskDispatcher.builder()
 *     .register(new OrderTasks(), new PaymentTasks())
 *     .task("Ping", JsonNode.class, (input, context) -> input)
 *     .build();
 * worker.registerActivitiesImplementations(dispatcher);
 * }</pre>
 *
 * A worker accepts one {@code DynamicActivity}; register all of a worker's tasks in one dispatcher.
 * Register {@link io.statecraft.activities.TaskContextInterceptor} on the worker factory too, so
 * that tasks see their ASL identity ({@link TaskWorker} does both). An activity type that nobody
 * registered fails with {@link TaskErrors#TASK_NOT_FOUND}. Errors are mapped as {@link TaskErrors}
 * describes.
 */
public final class TaskDispatcher implements DynamicActivity {

  private final ObjectMapper mapper;
  private final Map<String, RegisteredTask> tasks;

  private TaskDispatcher(ObjectMapper mapper, Map<String, RegisteredTask> tasks) {
    this.mapper = mapper;
    this.tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
  }

  /** A builder with the {@link #defaultObjectMapper() default ObjectMapper}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The mapper used when none is given: Java time and {@code Optional} support, ISO-8601 dates, and
   * unknown JSON properties ignored (state inputs usually carry more fields than a task reads).
   */
  public static ObjectMapper defaultObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The names of the registered tasks, sorted. */
  public Set<String> taskNames() {
    return tasks.keySet();
  }

  /** The mapper that converts task inputs and outputs. */
  public ObjectMapper objectMapper() {
    return mapper;
  }

  @Override
  public Object execute(EncodedValues args) {
    ActivityExecutionContext execution = Activity.getExecutionContext();
    String type = execution.getInfo().getActivityType();
    RegisteredTask task = tasks.get(type);
    if (task == null) {
      throw notFound(type, execution.getInfo().getActivityTaskQueue());
    }
    JsonNode input;
    try {
      input = args.getSize() == 0 ? NullNode.getInstance() : args.get(0, JsonNode.class);
    } catch (DataConverterException e) {
      throw Failures.named(
          TaskErrors.INVALID_TASK_INPUT,
          "The input of task '" + type + "' is not JSON: " + e.getMessage());
    }
    return run(task, input == null ? NullNode.getInstance() : input, TaskContext.of(execution));
  }

  /**
   * Runs a registered task directly, outside a Temporal worker, with the same input and output
   * conversion and error mapping as {@link #execute}.
   *
   * @throws io.temporal.failure.ApplicationFailure with the ASL error name as its type when the
   *     task fails or is not registered
   */
  public JsonNode invoke(String taskName, JsonNode input, TaskContext context) {
    Objects.requireNonNull(taskName, "taskName");
    RegisteredTask task = tasks.get(taskName);
    if (task == null) {
      throw notFound(taskName, context == null ? "" : context.taskQueue());
    }
    return run(task, input == null ? NullNode.getInstance() : input, context);
  }

  private JsonNode run(RegisteredTask task, JsonNode input, TaskContext context) {
    Object argument;
    try {
      argument = task.inputType() == null ? null : readInput(task.inputType(), input);
    } catch (IOException | IllegalArgumentException e) {
      throw Failures.named(TaskErrors.INVALID_TASK_INPUT, describeInputError(task, e));
    }
    Object result;
    try {
      result = task.invoker().invoke(argument, context);
    } catch (Throwable t) {
      throw Failures.translate(t, mapper);
    }
    if (result == null) {
      return NullNode.getInstance();
    }
    try {
      // Through JSON text, so that a direct call yields exactly the tree a worker's caller
      // decodes (an int-sized long reads back as an int node, for example).
      return mapper.readTree(mapper.writeValueAsBytes(result));
    } catch (IOException | IllegalArgumentException e) {
      throw Failures.named(
          TaskErrors.INVALID_TASK_OUTPUT,
          "The result of task '"
              + task.name()
              + "' ("
              + result.getClass().getName()
              + ") cannot be written as JSON: "
              + rootMessage(e));
    }
  }

  private Object readInput(JavaType type, JsonNode input) throws IOException {
    if (type.getRawClass() == JsonNode.class || type.getRawClass() == Object.class) {
      return type.getRawClass() == Object.class ? mapper.treeToValue(input, Object.class) : input;
    }
    return mapper.readerFor(type).readValue(input);
  }

  private RuntimeException notFound(String type, String taskQueue) {
    return Failures.named(
        TaskErrors.TASK_NOT_FOUND,
        "No task named '"
            + type
            + "' is registered with the worker of task queue '"
            + taskQueue
            + "'. It runs: "
            + (tasks.isEmpty() ? "(none)" : String.join(", ", tasks.keySet())));
  }

  private static String describeInputError(RegisteredTask task, Exception e) {
    StringBuilder out =
        new StringBuilder("The input of task '")
            .append(task.name())
            .append("' cannot be read as ")
            .append(task.inputType().toCanonical());
    if (e instanceof JsonMappingException mapping) {
      out.append(" at ").append(jsonPath(mapping.getPath()));
      out.append(": ").append(mapping.getOriginalMessage());
    } else {
      out.append(": ").append(rootMessage(e));
    }
    return out.toString();
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder("$");
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        String field = reference.getFieldName();
        if (field.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          out.append('.').append(field);
        } else {
          out.append("['").append(field.replace("'", "\\'")).append("']");
        }
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }

  /** Collects tasks and builds a {@link TaskDispatcher}. */
  public static final class Builder {
    private ObjectMapper mapper;
    private final Map<String, RegisteredTask> tasks = new LinkedHashMap<>();
    private final List<Object> taskObjects = new ArrayList<>();

    private Builder() {}

    /** The mapper for task inputs and outputs; {@link #defaultObjectMapper()} when not set. */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.mapper = Objects.requireNonNull(objectMapper, "objectMapper");
      return this;
    }

    /**
     * Registers every {@link AslTask} method of each object (including methods declared on its
     * superclasses and interfaces).
     *
     * @throws IllegalArgumentException when an object has no task method, a method's signature is
     *     not a task signature, or a task name is already registered
     */
    public Builder register(Object... objects) {
      for (Object object : objects) {
        taskObjects.add(Objects.requireNonNull(object, "task object"));
      }
      return this;
    }

    /** Registers a task implemented by a handler, with a plain class as its input type. */
    public <I> Builder task(String name, Class<I> inputType, TaskHandler<? super I, ?> handler) {
      Objects.requireNonNull(inputType, "inputType");
      Objects.requireNonNull(handler, "handler");
      add(
          new RegisteredTask(
              name,
              null,
              (argument, context) -> handler.handle(inputType.cast(argument), context),
              "handler " + handler.getClass().getName(),
              inputType));
      return this;
    }

    /** Registers a task implemented by a handler, with a generic input type. */
    public <I> Builder task(
        String name, TypeReference<I> inputType, TaskHandler<? super I, ?> handler) {
      Objects.requireNonNull(inputType, "inputType");
      Objects.requireNonNull(handler, "handler");
      add(
          new RegisteredTask(
              name,
              null,
              (argument, context) -> handler.handle(uncheckedCast(argument), context),
              "handler " + handler.getClass().getName(),
              inputType));
      return this;
    }

    /** Builds the dispatcher. */
    public TaskDispatcher build() {
      ObjectMapper effective = mapper == null ? defaultObjectMapper() : mapper;
      for (Object object : taskObjects) {
        for (RegisteredTask task : TaskMethods.scan(object)) {
          add(task);
        }
      }
      Map<String, RegisteredTask> resolved = new LinkedHashMap<>();
      for (RegisteredTask task : tasks.values()) {
        resolved.put(task.name(), task.resolve(effective));
      }
      taskObjects.clear();
      return new TaskDispatcher(effective, resolved);
    }

    private void add(RegisteredTask task) {
      RegisteredTask existing = tasks.putIfAbsent(task.name(), task);
      if (existing != null) {
        throw new IllegalArgumentException(
            "Task '"
                + task.name()
                + "' is registered twice: by "
                + existing.source()
                + " and by "
                + task.source());
      }
    }

    @SuppressWarnings("unchecked")
    private static <I> I uncheckedCast(Object argument) {
      // The reader built the argument from this very TypeReference.
      return (I) argument;
    }
  }
}
