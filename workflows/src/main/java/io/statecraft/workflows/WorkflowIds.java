package io.statecraft.workflows;

import java.util.Objects;

/**
 * The workflow ids of Statecraft workflows, readable in the Temporal Web UI.
 *
 * <ul>
 *   <li>An execution: {@code <stateMachineName>/<executionName>}. Step Functions names cannot
 *       contain {@code /}, so the id is unambiguous and each execution has exactly one.
 *   <li>A child workflow that runs a batch of a large Map state's items: {@code
 *       <parentWorkflowId>/<fanOut>/<batch>}, where {@code <fanOut>} is {@code r<run>f<n>-<Map
 *       state>} (the run of the parent, the n-th fan-out that run started, and the Map state's name
 *       with {@code /} written {@code %2F}) and {@code <batch>} the batch number from 0. All parts
 *       are fixed by the parent's history, so a replay derives the same ids.
 * </ul>
 */
public final class WorkflowIds {

  private WorkflowIds() {}

  /** The workflow id of an execution. */
  public static String execution(String stateMachineName, String executionName) {
    requireName(stateMachineName, "state machine name");
    requireName(executionName, "execution name");
    return stateMachineName + '/' + executionName;
  }

  /**
   * The workflow id of a child workflow running batch {@code batch} of fan-out {@code fanOut} (the
   * {@code n}-th of run {@code run}) of the Map state {@code stateName}.
   */
  public static String batch(
      String parentWorkflowId, int run, int fanOut, String stateName, int batch) {
    Objects.requireNonNull(parentWorkflowId, "parentWorkflowId");
    Objects.requireNonNull(stateName, "stateName");
    return parentWorkflowId
        + "/r"
        + run
        + 'f'
        + fanOut
        + '-'
        + stateName.replace("%", "%25").replace("/", "%2F")
        + '/'
        + batch;
  }

  private static void requireName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException(
          "the " + what + " must be non-empty and without '/', was '" + name + "'");
    }
  }
}
