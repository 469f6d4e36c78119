package io.statecraft.api.worker;

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
 */
@ConfigurationProperties("statecraft.demo")
public record DemoProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0ms") Duration minLatency,
    @DefaultValue("0ms") Duration maxLatency) {}
