/**
 * Contracts between the interpreter workflow and the tasks it runs as Temporal activities.
 *
 * <ul>
 *   <li>{@link io.statecraft.activities.ActivityId}: the one format of a task invocation's id,
 *       {@code <scope path><StateName>#<visit>[@<attempt>]}, written by the workflow and read by
 *       the task.
 *   <li>{@link io.statecraft.activities.TaskHeaders} and {@link
 *       io.statecraft.activities.TaskContextInterceptor}: how that id travels from workflow to
 *       activity, as an activity header.
 *   <li>{@link io.statecraft.activities.TaskContext}: what a running task knows about itself,
 *       including the stable idempotency key of its invocation.
 * </ul>
 */
package io.statecraft.activities;
