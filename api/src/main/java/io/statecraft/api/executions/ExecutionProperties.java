package io.statecraft.api.executions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code statecraft.executions.*}.
 *
 * @param reconcileInterval how often pending executions are started and ended ones recorded
 * @param listFreshness a listing reconciles statuses first unless that was done this recently
 * @param syncTimeout how long {@code StartSyncExecution} waits for the end (AWS: 5 minutes)
 * @param stopWait how long {@code StopExecution} waits for the execution to record its end
 * @param queryTimeout how long a worker may take to report an execution's current states
 */
@ConfigurationProperties("statecraft.executions")
public record ExecutionProperties(
    @DefaultValue("2s") Duration reconcileInterval,
    @DefaultValue("250ms") Duration listFreshness,
    @DefaultValue("5m") Duration syncTimeout,
    @DefaultValue("5s") Duration stopWait,
    @DefaultValue("2s") Duration queryTimeout) {}
