package io.statecraft.workflows.versioning;

import io.temporal.workflow.Workflow;

/**
 * The change ids of the workflows' code, and the only caller of {@code Workflow.getVersion}.
 *
 * <p>A change to the interpreter, its ports or the workflows that alters which Temporal commands a
 * running execution issues, or in what order, breaks the replay of executions started before it
 * (the recorded histories in {@code src/test/resources/histories} catch that in the build). Such a
 * change goes behind a change id:
 *
 * <ol>
 *   <li>add a constant here, named after the change, with its highest version;
 *   <li>branch on {@link #version} at the changed site: {@link Workflow#DEFAULT_VERSION} is the old
 *       behaviour, the highest version the new one;
 *   <li>record a history with the new behaviour next to the old ones.
 * </ol>
 *
 * Once no execution older than the change can still be running or queried, the old branch and the
 * id may go (keeping {@code getVersion} with the new version as the minimum).
 */
public final class Changes {

  // No change has been needed since the first release: every recorded history replays on the
  // code as it is. Add constants above this line, for example
  // static final Change CALLBACK_HEARTBEAT_FROM_TASK_END = new Change("callback-heartbeat", 1);

  private Changes() {}

  /** A change id and the highest version this code knows. */
  public record Change(String id, int maxVersion) {}

  /**
   * The version of {@code change} this execution uses: the one recorded when it first reached the
   * site, or the newest for an execution reaching it now.
   */
  public static int version(Change change) {
    return Workflow.getVersion(change.id(), Workflow.DEFAULT_VERSION, change.maxVersion());
  }
}
