package io.statecraft.activities;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link TaskContext} over a Temporal activity execution. */
final class TemporalTaskContext implements TaskContext {

  private final ActivityExecutionContext context;
  private final ActivityInfo info;
  private final Optional<ActivityId> aslId;
  private final String idempotencyKey;

  TemporalTaskContext(ActivityExecutionContext context, String headerTaskId) {
    this.context = Objects.requireNonNull(context, "context");
    this.info = context.getInfo();
    Optional<ActivityId> fromHeader = ActivityId.tryParse(headerTaskId);
    this.aslId = fromHeader.isPresent() ? fromHeader : ActivityId.tryParse(info.getActivityId());
    String owner = workflowId();
    if (owner.isEmpty()) {
      // A standalone activity has no workflow; its own run id scopes the key instead.
      owner = Objects.requireNonNullElse(info.getActivityRunId(), "");
    }
    this.idempotencyKey =
        aslId.map(id -> id.idempotencyKey(workflowId())).orElse(owner + '/' + info.getActivityId());
  }

  @Override
  public String namespace() {
    return info.getNamespace();
  }

  @Override
  public String workflowId() {
    return Objects.requireNonNullElse(info.getWorkflowId(), "");
  }

  @Override
  public String runId() {
    return Objects.requireNonNullElse(info.getWorkflowRunId(), "");
  }

  @Override
  public String activityId() {
    return info.getActivityId();
  }

  @Override
  public String activityType() {
    return info.getActivityType();
  }

  @Override
  public String taskQueue() {
    return info.getActivityTaskQueue();
  }

  @Override
  public Optional<ActivityId> aslActivityId() {
    return aslId;
  }

  @Override
  public String stateName() {
    return aslId.map(ActivityId::stateName).orElse(info.getActivityType());
  }

  @Override
  public List<ActivityId.ScopeSegment> scopePath() {
    return aslId.map(ActivityId::scope).orElse(List.of());
  }

  @Override
  public int visit() {
    return aslId.map(ActivityId::visit).orElse(1);
  }

  @Override
  public int interpreterAttempt() {
    return aslId.map(ActivityId::attempt).orElse(ActivityId.FIRST_ATTEMPT);
  }

  @Override
  public int temporalAttempt() {
    // Servers count from 1; in-memory test environments may leave the attempt unset (0).
    return Math.max(1, info.getAttempt());
  }

  @Override
  public String idempotencyKey() {
    return idempotencyKey;
  }

  @Override
  public void heartbeat(Object details) {
    context.heartbeat(details);
  }

  @Override
  public <T> Optional<T> lastHeartbeatDetails(Class<T> type) {
    return context.getHeartbeatDetails(type);
  }

  @Override
  public String toString() {
    return "TaskContext[" + idempotencyKey + ", attempt " + info.getAttempt() + "]";
  }
}
