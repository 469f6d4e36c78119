package io.statecraft.workflows.interpreter;

import io.statecraft.workflows.WorkerSettings;
import io.statecraft.workflows.ports.CallbackGauge;
import io.statecraft.workflows.ports.DefinitionCache;
import java.util.Objects;

/**
 * What the workflows of one worker share: its settings, the callback gauge and the definition
 * cache. None of it decides what a workflow does on replay (settings are recorded per run).
 */
public record WorkerServices(
    WorkerSettings settings, CallbackGauge callbackGauge, DefinitionCache definitions) {
  public WorkerServices {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(callbackGauge, "callbackGauge");
    Objects.requireNonNull(definitions, "definitions");
  }
}
