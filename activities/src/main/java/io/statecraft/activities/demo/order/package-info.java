/**
 * The order-processing demo: {@link io.statecraft.activities.demo.order.OrderTasks} over inventory,
 * payment and shipping services.
 */
package io.statecraft.activities.demo.order;
