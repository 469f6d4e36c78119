package io.statecraft.activities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link TaskContext} for calling tasks directly in tests, with a chosen ASL id. */
public final class FixedTaskContext implements TaskContext {

  private final String workflowId;
  private final ActivityId id;
  private final int temporalAttempt;
  private final List<Object> heartbeats = new ArrayList<>();

  public FixedTaskContext(String workflowId, ActivityId id, int temporalAttempt) {
    this.workflowId = workflowId;
    this.id = id;
    this.temporalAttempt = temporalAttempt;
  }

  /** A top-level state's first visit in the given execution. */
  public static FixedTaskContext of(String workflowId, String stateName) {
    return new FixedTaskContext(workflowId, ActivityId.of(stateName, 1), 1);
  }

  /** The same invocation, as Temporal would run it again at a later attempt. */
  public FixedTaskContext retried() {
    return new FixedTaskContext(workflowId, id, temporalAttempt + 1);
  }

  /** The same invocation at a later interpreter attempt. */
  public FixedTaskContext interpreterRetry(int attempt) {
    return new FixedTaskContext(workflowId, id.withAttempt(attempt), 1);
  }

  public List<Object> heartbeats() {
    return heartbeats;
  }

  @Override
  public String namespace() {
    return "default";
  }

  @Override
  public String workflowId() {
    return workflowId;
  }

  @Override
  public String runId() {
    return "run-1";
  }

  @Override
  public String activityId() {
    return id.format();
  }

  @Override
  public String activityType() {
    return id.stateName();
  }

  @Override
  public String taskQueue() {
    return "test-queue";
  }

  @Override
  public Optional<ActivityId> aslActivityId() {
    return Optional.of(id);
  }

  @Override
  public String stateName() {
    return id.stateName();
  }

  @Override
  public List<ActivityId.ScopeSegment> scopePath() {
    return id.scope();
  }

  @Override
  public int visit() {
    return id.visit();
  }

  @Override
  public int interpreterAttempt() {
    return id.attempt();
  }

  @Override
  public int temporalAttempt() {
    return temporalAttempt;
  }

  @Override
  public String idempotencyKey() {
    return id.idempotencyKey(workflowId);
  }

  @Override
  public void heartbeat(Object details) {
    heartbeats.add(details);
  }

  @Override
  public <T> Optional<T> lastHeartbeatDetails(Class<T> type) {
    return Optional.empty();
  }
}
