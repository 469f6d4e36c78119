package io.statecraft.api.executions;

import io.grpc.StatusRuntimeException;
import io.statecraft.api.executions.ExecutionRecords.ExecutionRow;
import io.statecraft.api.executions.ExecutionRecords.RowStatus;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.workflows.StatecraftClient;
import io.statecraft.workflows.StatecraftClient.ExecutionDescription;
import io.statecraft.workflows.StatecraftClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code execution} table's statuses in step with Temporal, which is the truth about
 * executions that run. The table is the index that {@code ListExecutions} reads (Temporal's test
 * server, which the embedded mode runs, has no visibility queries), so every execution that ends
 * must be copied there:
 *
 * <ul>
 *   <li>{@link #settle} checks one execution ({@code DescribeExecution} does it for the one it
 *       describes);
 *   <li>{@link #sync} finds the executions that ended since the last sync, in the way the server
 *       supports: with a visibility query ({@code WorkflowType = 'StatecraftExecution' AND
 *       ExecutionStatus != 'Running' AND CloseTime >= ...}) on a server that has one, or else by
 *       comparing the rows recorded as running with {@code ListOpenWorkflowExecutions};
 *   <li>{@link #sweep} checks every running row once, which finds executions Temporal no longer has
 *       (the embedded server after a restart).
 * </ul>
 *
 * An execution whose workflow Temporal does not have is recorded as {@code FAILED} with the error
 * {@value #LOST_ERROR}: nothing can run it on, and its history is gone with the workflow.
 */
final class ExecutionReconciler {

  private static final Logger log = LoggerFactory.getLogger(ExecutionReconciler.class);

  /** The error of an execution whose workflow Temporal does not have. */
  static final String LOST_ERROR = "Statecraft.ExecutionLost";

  static final String LOST_CAUSE =
      "Temporal has no workflow for this execution: it was running when the Temporal server it ran"
          + " on stopped (the embedded server keeps executions in memory only), or Temporal"
          + " removed it. Run the platform against a durable Temporal server to keep executions"
          + " across restarts.";

  /** How long a child execution may wait for its parent to start its workflow. */
  static final Duration CHILD_START_GRACE = Duration.ofMinutes(2);

  /** How far back a visibility sync looks past the last one, for Temporal's indexing delay. */
  static final Duration VISIBILITY_OVERLAP = Duration.ofMinutes(2);

  private static final int PAGE = 500;

  private final StatecraftClient client;
  private final ExecutionRecords records;
  private final StateMachineRegistry registry;
  private final WorkflowLists lists;
  private final Clock clock;
  private final Duration minSyncInterval;
  private final ReentrantLock syncing = new ReentrantLock();

  private volatile Instant lastSync = Instant.EPOCH;
  private volatile Instant closedSince;

  ExecutionReconciler(
      StatecraftClient client,
      ExecutionRecords records,
      StateMachineRegistry registry,
      WorkflowLists lists,
      Clock clock,
      Duration minSyncInterval) {
    this.client = client;
    this.records = records;
    this.registry = registry;
    this.lists = lists;
    this.clock = clock;
    this.minSyncInterval = minSyncInterval;
  }

  /**
   * Checks one execution against Temporal and records its end if it ended.
   *
   * @return the row as it stands afterwards
   * @throws StatusRuntimeException when Temporal cannot be reached
   */
  ExecutionRow settle(ExecutionRow row) {
    if (!row.status().open()) {
      return row;
    }
    ExecutionDescription described;
    try {
      described = client.describe(row.workflowId());
    } catch (StatecraftClientException e) {
      if (e.reason() != StatecraftClientException.Reason.EXECUTION_DOES_NOT_EXIST) {
        throw e;
      }
      if (!lost(row)) {
        return row;
      }
      log.warn(
          "Execution {} has no workflow in Temporal; recording it as lost", row.executionArn());
      finish(row, RowStatus.FAILED, clock.instant(), null, null, LOST_ERROR, LOST_CAUSE);
      return records.find(row.executionArn()).orElse(row);
    }
    if (!described.status().closed()) {
      if (row.runId() == null && described.firstRunId() != null) {
        // A child execution its parent started: note its run for the Web UI link.
        records.markRunning(row.executionArn(), described.firstRunId());
        return records.find(row.executionArn()).orElse(row);
      }
      return row;
    }
    finish(
        row,
        RowStatus.valueOf(described.status().name()),
        described.closeTime() == null ? clock.instant() : described.closeTime(),
        described.latestRunId(),
        described.output(),
        described.error(),
        described.cause());
    return records.find(row.executionArn()).orElse(row);
  }

  /**
   * A row whose workflow Temporal does not have is lost once it was started: a {@code PENDING} row
   * is started later, and a child's row waits for its parent to start it for a while.
   */
  private boolean lost(ExecutionRow row) {
    if (row.status() == RowStatus.PENDING) {
      return false;
    }
    if (row.parentExecutionArn() != null && row.runId() == null) {
      return row.startDate().plus(CHILD_START_GRACE).isBefore(clock.instant());
    }
    return true;
  }

  private void finish(
      ExecutionRow row,
      RowStatus status,
      Instant stopDate,
      String runId,
      String output,
      String error,
      String cause) {
    if (records.markFinished(row.executionArn(), status, stopDate, runId, output, error, cause)) {
      // A state machine deleted while it ran is removed with its last execution.
      if (registry.isDeleting(row.stateMachineArn())) {
        registry.finishDeletion(row.stateMachineArn());
      }
    }
  }

  /** {@link #sync} unless one ran within the minimum interval. */
  void syncIfStale() {
    if (Duration.between(lastSync, clock.instant()).compareTo(minSyncInterval) >= 0) {
      sync();
    }
  }

  /**
   * Records the end of every execution that ended since the last sync. One sync runs at a time; a
   * caller that finds one running waits for it instead of starting another.
   */
  void sync() {
    if (!syncing.tryLock()) {
      syncing.lock();
      syncing.unlock();
      return;
    }
    try {
      Instant started = clock.instant();
      if (lists.visibility()) {
        syncByVisibility(started);
      } else {
        syncByOpenList();
      }
      lastSync = started;
    } finally {
      syncing.unlock();
    }
  }

  /** Checks every row recorded as running, page by page. */
  void sweep() {
    String after = null;
    while (true) {
      List<ExecutionRow> rows = records.running(after, PAGE);
      for (ExecutionRow row : rows) {
        settle(row);
      }
      if (rows.size() < PAGE) {
        return;
      }
      after = rows.getLast().executionArn();
    }
  }

  private void syncByVisibility(Instant started) {
    Instant since = closedSince;
    for (String workflowId :
        lists.closedSince(since == null ? null : since.minus(VISIBILITY_OVERLAP))) {
      records
          .findByWorkflowId(workflowId)
          .filter(row -> row.status().open())
          .ifPresent(this::settle);
    }
    if (since == null) {
      // The first sync also finds rows whose workflow is gone, which no query returns.
      sweep();
    }
    closedSince = started;
  }

  private void syncByOpenList() {
    Set<String> open = lists.open();
    String after = null;
    while (true) {
      List<ExecutionRow> rows = records.running(after, PAGE);
      for (ExecutionRow row : rows) {
        // A row not among the open workflows ended (or was never started, or is gone): settle
        // finds out which.
        if (!open.contains(row.workflowId())) {
          settle(row);
        }
      }
      if (rows.size() < PAGE) {
        return;
      }
      after = rows.getLast().executionArn();
    }
  }
}
