package io.statecraft.activities.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as the implementation of an ASL task. The value is the task's name, which is the
 * Temporal activity type: {@code <Name>} for {@code arn:aws:states:<region>:<account>:activity:
 * <Name>}, for {@code arn:aws:lambda:<region>:<account>:function:<Name>} and for {@code
 * arn:aws:states:::lambda:invoke} with {@code "FunctionName": "<Name>"}.
 *
 * <p>The method may declare:
 *
 * <ul>
 *   <li>at most one input parameter, of any type Jackson can read from JSON ({@code JsonNode},
 *       {@code Map}, a record or POJO, {@code String}, a number...); it receives the state's
 *       effective parameters;
 *   <li>a {@link io.statecraft.activities.TaskContext} parameter, in any position.
 * </ul>
 *
 * It returns any value Jackson can write as JSON; {@code void} and {@code null} become JSON {@code
 * null}. To fail with an ASL error name, throw {@link TaskError}. Register objects with such
 * methods through {@link TaskDispatcher.Builder#register(Object...)}.
 *
 * <pre>{@code
 * public final class OrderTasks {
 *   @AslTask("ValidateOrder")
 *   public ValidatedOrder validate(Order order, TaskContext context) {
 *     if (order.items().isEmpty()) {
 *       throw TaskError.of("OrderInvalid", "The order has no items");
 *     }
 *     return new ValidatedOrder(order.orderId(), order.total());
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AslTask {

  /** The task name, which is the activity type. */
  String value();
}
