package io.statecraft.api.worker;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo services behind the example state machines ({@code statecraft.demo.*}).
 *
 * @param enabled whether the demo tasks run on the platform's worker and the demo endpoints ({@code
 *     /demo/...}) are served
 * @param minLatency the shortest simulated service call
 * @param maxLatency the longest simulated service call
 * @param ledger the journal file of the demo services' effect ledger (JSON lines, see {@link
 *     io.statecraft.activities.demo.EffectLedger}); unset, effects are remembered in memory only.
 *     Set it on worker processes that follow each other, so that a worker started after a crash
 *     does not apply an effect twice; one process writes the file at a time.
 */
@ConfigurationProperties("statecraft.demo")
public record DemoProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0ms") Duration minLatency,
    @DefaultValue("0ms") Duration maxLatency,
    Path ledger) {}
