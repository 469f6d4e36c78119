package io.statecraft.activities.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.activities.TaskContext;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskDispatcherTest {

  /** Calls activities by type, the way the interpreter workflow does: one JSON in, one out. */
  @ActivityInterface
  public interface Caller {
    @ActivityMethod(name = "ValidateOrder")
    JsonNode validateOrder(JsonNode input);

    @ActivityMethod(name = "Explode")
    JsonNode explode(JsonNode input);

    @ActivityMethod(name = "Declined")
    JsonNode declined(JsonNode input);

    @ActivityMethod(name = "Passthrough")
    JsonNode passthrough(JsonNode input);

    @ActivityMethod(name = "Void")
    JsonNode voidTask(JsonNode input);

    @ActivityMethod(name = "Heartbeats")
    JsonNode heartbeats(JsonNode input);

    @ActivityMethod(name = "Context")
    JsonNode context(JsonNode input);

    @ActivityMethod(name = "NoInput")
    JsonNode noInput(JsonNode input);

    @ActivityMethod(name = "Sum")
    JsonNode sum(JsonNode input);

    @ActivityMethod(name = "Unserializable")
    JsonNode unserializable(JsonNode input);

    @ActivityMethod(name = "NobodyRegisteredThis")
    JsonNode unknown(JsonNode input);
  }

  public record Item(String sku, int quantity) {}

  public record Order(String orderId, List<Item> items) {}

  public record Validated(String orderId, int units) {}

  public static final class PaymentDeclined extends TaskError {
    public PaymentDeclined(String reason) {
      super("PaymentDeclined", reason);
    }
  }

  public static final class Tasks {
    @AslTask("ValidateOrder")
    public Validated validate(Order order) {
      if (order.items().isEmpty()) {
        throw TaskError.of("OrderInvalid", "Order " + order.orderId() + " has no items");
      }
      return new Validated(order.orderId(), order.items().stream().mapToInt(Item::quantity).sum());
    }

    @AslTask("Explode")
    public JsonNode explode(JsonNode input) {
      throw new IllegalStateException("inventory database is on fire");
    }

    @AslTask("Declined")
    public JsonNode declined(TaskContext context, JsonNode input) {
      throw new PaymentDeclined("card ending 4242 declined");
    }

    @AslTask("Passthrough")
    public JsonNode passthrough(JsonNode input) {
      throw ApplicationFailure.newNonRetryableFailure("chose my own failure", "Custom.Failure");
    }

    @AslTask("Void")
    public void nothing(Map<String, Object> input) {}

    @AslTask("Heartbeats")
    public int heartbeats(JsonNode input, TaskContext context) {
      for (int i = 1; i <= 3; i++) {
        context.heartbeat("step-" + i);
      }
      return 3;
    }

    @AslTask("Context")
    public Map<String, Object> context(TaskContext context) {
      return Map.of(
          "stateName", context.stateName(),
          "activityType", context.activityType(),
          "workflowId", context.workflowId(),
          "visit", context.visit(),
          "interpreterAttempt", context.interpreterAttempt(),
          "temporalAttempt", context.temporalAttempt(),
          "key", context.idempotencyKey(),
          "hasAslId", context.aslActivityId().isPresent(),
          "current", TaskContext.current().idempotencyKey());
    }

    @AslTask("NoInput")
    public static String noInput() {
      return "static and inputless";
    }

    @AslTask("Unserializable")
    public Object unserializable(JsonNode input) {
      return new Object() {
        @SuppressWarnings("unused")
        public Object getSelf() {
          return this;
        }
      };
    }
  }

  private TestActivityEnvironment env;
  private Caller caller;
  private final List<String> heartbeats = new ArrayList<>();
  private final ObjectMapper mapper = TaskDispatcher.defaultObjectMapper();

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    TaskDispatcher dispatcher =
        TaskDispatcher.builder()
            .register(new Tasks())
            .task(
                "Sum",
                new TypeReference<List<Integer>>() {},
                (numbers, context) -> numbers.stream().mapToInt(Integer::intValue).sum())
            .build();
    env.registerActivitiesImplementations(dispatcher);
    env.setActivityHeartbeatListener(String.class, heartbeats::add);
    caller =
        env.newActivityStub(
            Caller.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  private static ApplicationFailure failureOf(Throwable thrown) {
    assertThat(thrown).isInstanceOf(ActivityFailure.class);
    assertThat(thrown.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) thrown.getCause();
  }

  @Test
  void convertsJsonToARecordAndTheResultBack() throws Exception {
    JsonNode result =
        caller.validateOrder(
            json(
                "{\"orderId\":\"o-1\",\"items\":[{\"sku\":\"A\",\"quantity\":2},"
                    + "{\"sku\":\"B\",\"quantity\":3}],\"extra\":true}"));
    assertThat(result).isEqualTo(json("{\"orderId\":\"o-1\",\"units\":5}"));
  }

  @Test
  void typedErrorKeepsItsNameAndCauseAndStaysRetryable() throws Exception {
    Throwable thrown =
        catchThrowable(() -> caller.validateOrder(json("{\"orderId\":\"o-2\",\"items\":[]}")));
    ApplicationFailure failure = failureOf(thrown);
    assertThat(failure.getType()).isEqualTo("OrderInvalid");
    assertThat(failure.getOriginalMessage()).isEqualTo("Order o-2 has no items");
    assertThat(failure.isNonRetryable()).isFalse();
  }

  @Test
  void subclassedTaskErrorKeepsItsName() throws Exception {
    ApplicationFailure failure = failureOf(catchThrowable(() -> caller.declined(json("{}"))));
    assertThat(failure.getType()).isEqualTo("PaymentDeclined");
    assertThat(failure.getOriginalMessage()).isEqualTo("card ending 4242 declined");
  }

  @Test
  void otherExceptionsAreNamedByClassWithLambdasErrorDocumentAsCause() throws Exception {
    ApplicationFailure failure = failureOf(catchThrowable(() -> caller.explode(json("{}"))));
    assertThat(failure.getType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(failure.isNonRetryable()).isFalse();
    JsonNode document = mapper.readTree(failure.getOriginalMessage());
    assertThat(document.get("errorMessage").asText()).isEqualTo("inventory database is on fire");
    assertThat(document.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(document.get("stackTrace").get(0).asText()).contains("Tasks.explode");
  }

  @Test
  void applicationFailureThrownByTheTaskPassesThroughUnchanged() throws Exception {
    ApplicationFailure failure = failureOf(catchThrowable(() -> caller.passthrough(json("{}"))));
    assertThat(failure.getType()).isEqualTo("Custom.Failure");
    assertThat(failure.isNonRetryable()).isTrue();
  }

  @Test
  void inputThatDoesNotFitTheParameterTypeIsAClearError() throws Exception {
    ApplicationFailure failure =
        failureOf(
            catchThrowable(
                () ->
                    caller.validateOrder(
                        json(
                            "{\"orderId\":\"o-3\",\"items\":[{\"sku\":\"A\",\"quantity\":\"two\"}]}"))));
    assertThat(failure.getType()).isEqualTo(TaskErrors.INVALID_TASK_INPUT);
    assertThat(failure.getOriginalMessage())
        .contains("task 'ValidateOrder'")
        .contains("Order")
        .contains("$.items[0].quantity")
        .contains("two");
  }

  @Test
  void unknownActivityTypeIsTaskNotFoundListingWhatRuns() throws Exception {
    ApplicationFailure failure = failureOf(catchThrowable(() -> caller.unknown(json("{}"))));
    assertThat(failure.getType()).isEqualTo(TaskErrors.TASK_NOT_FOUND);
    assertThat(failure.getOriginalMessage())
        .contains("'NobodyRegisteredThis'")
        .contains("test-activity-env-task-queue")
        .contains("ValidateOrder");
  }

  @Test
  void voidReturnsJsonNull() throws Exception {
    assertThat(caller.voidTask(json("{\"a\":1}")).isNull()).isTrue();
  }

  @Test
  void staticMethodWithoutInput() throws Exception {
    assertThat(caller.noInput(json("{\"ignored\":true}")).asText())
        .isEqualTo("static and inputless");
  }

  @Test
  void handlerWithGenericInputType() throws Exception {
    assertThat(caller.sum(json("[1,2,3,4]")).asInt()).isEqualTo(10);
  }

  @Test
  void resultThatCannotBeWrittenAsJsonIsAClearError() throws Exception {
    ApplicationFailure failure = failureOf(catchThrowable(() -> caller.unserializable(json("{}"))));
    assertThat(failure.getType()).isEqualTo(TaskErrors.INVALID_TASK_OUTPUT);
    assertThat(failure.getOriginalMessage()).contains("task 'Unserializable'");
  }

  @Test
  void heartbeatsReachTheEnvironment() throws Exception {
    assertThat(caller.heartbeats(json("{}")).asInt()).isEqualTo(3);
    // The SDK throttles heartbeats; the first one is always sent at once.
    assertThat(heartbeats).isNotEmpty().first().isEqualTo("step-1");
  }

  @Test
  void contextFallsBackToTheActivityWhenTheWorkflowSentNoAslId() throws Exception {
    JsonNode context = caller.context(json("{}"));
    assertThat(context.get("hasAslId").asBoolean()).isFalse();
    assertThat(context.get("stateName").asText()).isEqualTo("Context");
    assertThat(context.get("activityType").asText()).isEqualTo("Context");
    assertThat(context.get("workflowId").asText()).isEqualTo("test-workflow-id");
    assertThat(context.get("visit").asInt()).isEqualTo(1);
    assertThat(context.get("interpreterAttempt").asInt()).isEqualTo(1);
    assertThat(context.get("temporalAttempt").asInt()).isEqualTo(1);
    assertThat(context.get("key").asText()).startsWith("test-workflow-id/");
    assertThat(context.get("current").asText()).isEqualTo(context.get("key").asText());
  }

  @Test
  void directInvocationUsesTheSameConversionAndErrors() {
    TaskDispatcher dispatcher = TaskDispatcher.builder().register(new Tasks()).build();
    ObjectNode order = JsonNodeFactory.instance.objectNode().put("orderId", "o-9");
    order.putArray("items").addObject().put("sku", "A").put("quantity", 4);
    assertThat(dispatcher.invoke("ValidateOrder", order, null).get("units").asInt()).isEqualTo(4);
    assertThatThrownBy(() -> dispatcher.invoke("Missing", order, null))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(TaskErrors.TASK_NOT_FOUND));
    assertThat(dispatcher.taskNames())
        .containsExactly(
            "Context",
            "Declined",
            "Explode",
            "Heartbeats",
            "NoInput",
            "Passthrough",
            "Unserializable",
            "ValidateOrder",
            "Void");
  }

  public static final class TwoInputs {
    @AslTask("Bad")
    public String bad(String a, String b) {
      return a + b;
    }
  }

  public static final class NoTasks {
    public String notATask(String a) {
      return a;
    }
  }

  @Test
  void registrationRejectsBadSignaturesDuplicatesAndObjectsWithoutTasks() {
    assertThatThrownBy(() -> TaskDispatcher.builder().register(new TwoInputs()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TwoInputs.bad")
        .hasMessageContaining("two input parameters");
    assertThatThrownBy(() -> TaskDispatcher.builder().register(new NoTasks()).build())
        .hasMessageContaining("has no method annotated @AslTask");
    assertThatThrownBy(
            () -> TaskDispatcher.builder().register(new Tasks()).register(new Tasks()).build())
        .hasMessageMatching("Task '\\w+' is registered twice: by .*Tasks\\.\\w+ and by .*");
    assertThatThrownBy(
            () -> TaskDispatcher.builder().task(" ", String.class, (in, ctx) -> in).build())
        .hasMessageContaining("must not be blank");
  }

  @ActivityInterface
  public interface AnnotatedContract {
    @AslTask("FromInterface")
    String greet(String name);
  }

  static final class ContractImpl implements AnnotatedContract {
    @Override
    public String greet(String name) {
      return "hello " + name;
    }
  }

  @Test
  void findsTasksDeclaredOnInterfaces() {
    TaskDispatcher dispatcher = TaskDispatcher.builder().register(new ContractImpl()).build();
    assertThat(
            dispatcher
                .invoke("FromInterface", JsonNodeFactory.instance.textNode("Ada"), null)
                .asText())
        .isEqualTo("hello Ada");
  }

  private static Throwable catchThrowable(ThrowingCall call) {
    try {
      call.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("Expected the call to fail");
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
