package io.statecraft.bench.temporal;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every Temporal run an execution created: its own runs (followed through continue-as-new) and,
 * recursively, every child workflow's runs (Map batches), found in the histories themselves since
 * the test server has no visibility API.
 *
 * @param runs the runs read
 * @param workflows distinct workflow ids among them
 * @param continuedAsNew runs that ended by continuing as new
 * @param largestHistory the most events in one run's history
 * @param largestHistoryWorkflow the workflow id of that run
 * @param totalEvents the events of all runs together
 */
public record HistoryWalk(
    int runs,
    int workflows,
    int continuedAsNew,
    int largestHistory,
    String largestHistoryWorkflow,
    long totalEvents) {

  /** Walks from the run {@code runId} of {@code workflowId} (empty: the latest run). */
  public static HistoryWalk of(BenchTemporal temporal, String workflowId, String runId) {
    Deque<String[]> pending = new ArrayDeque<>();
    pending.add(new String[] {workflowId, runId});
    Set<String> seenRuns = new HashSet<>();
    Set<String> workflows = new HashSet<>();
    int runs = 0;
    int continued = 0;
    int largest = 0;
    String largestId = workflowId;
    long total = 0;
    while (!pending.isEmpty()) {
      String[] next = pending.poll();
      List<HistoryEvent> events = temporal.history(next[0], next[1]);
      String key = next[0] + "/" + next[1];
      if (!seenRuns.add(key)) {
        continue;
      }
      workflows.add(next[0]);
      runs++;
      total += events.size();
      if (events.size() > largest) {
        largest = events.size();
        largestId = next[0];
      }
      for (HistoryEvent e : events) {
        if (e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED) {
          var started = e.getChildWorkflowExecutionStartedEventAttributes();
          pending.add(
              new String[] {
                started.getWorkflowExecution().getWorkflowId(),
                started.getWorkflowExecution().getRunId()
              });
        } else if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
          continued++;
          pending.add(
              new String[] {
                next[0],
                e.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
              });
        }
      }
    }
    return new HistoryWalk(runs, workflows.size(), continued, largest, largestId, total);
  }
}
