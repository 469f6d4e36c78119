package io.statecraft.api.executions;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The lists of execution workflows Temporal can give, which differ by server: a real server answers
 * visibility queries; Temporal's test server (the embedded mode) only lists open and closed
 * workflows.
 */
interface WorkflowLists {

  /** Whether the server answers visibility queries ({@link #closedSince}). */
  boolean visibility();

  /**
   * The workflow ids of the execution workflows that ended at or after {@code since}, or ever
   * ({@code null}), by a visibility query.
   */
  List<String> closedSince(Instant since);

  /** The workflow ids of the execution workflows running now. */
  Set<String> open();
}
