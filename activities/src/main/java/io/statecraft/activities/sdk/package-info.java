/**
 * What a team touches to implement ASL tasks in Java: {@link io.statecraft.activities.sdk.AslTask}
 * methods or {@link io.statecraft.activities.sdk.TaskHandler}s, {@link
 * io.statecraft.activities.sdk.TaskError} for ASL error names, the {@link
 * io.statecraft.activities.sdk.TaskDispatcher} activity that routes by task name, and the {@link
 * io.statecraft.activities.sdk.TaskWorker} that runs them on the team's own task queue.
 */
package io.statecraft.activities.sdk;
