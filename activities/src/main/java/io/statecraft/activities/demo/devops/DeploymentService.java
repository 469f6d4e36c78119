package io.statecraft.activities.demo.devops;

import io.statecraft.activities.demo.EffectLedger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A fake deployment system for the DevOps demo, served over HTTP by {@link DevOpsDemoApi}.
 * Deterministic: a deployment completes after a fixed number of status checks, not after some time;
 * a version ending in {@code -bad} fails to roll out, and one ending in {@code -unhealthy} rolls
 * out but fails its health check. Starting a deployment with an idempotency key applies once per
 * key. Thread-safe.
 */
public final class DeploymentService {

  /** Rollout states. */
  public enum Status {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK
  }

  /** One deployment of a version of a service to an environment. */
  public record Deployment(
      String deploymentId,
      String service,
      String version,
      String environment,
      Status status,
      int statusChecks,
      String previousVersion) {}

  /** A service's health in an environment. */
  public record Health(String service, String environment, String version, boolean healthy) {}

  private final EffectLedger ledger;
  private final int checksToComplete;
  private final Map<String, Deployment> deployments = new HashMap<>();
  private final Map<String, String> liveVersions = new HashMap<>();
  private final Map<String, Integer> deploymentsStarted = new HashMap<>();
  private int sequence;

  /**
   * @param checksToComplete how many status checks a deployment stays IN_PROGRESS for
   */
  public DeploymentService(EffectLedger ledger, int checksToComplete) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    if (checksToComplete < 0) {
      throw new IllegalArgumentException("checksToComplete must be 0 or more");
    }
    this.checksToComplete = checksToComplete;
  }

  /**
   * Starts a deployment. With a key, a repeated start returns the first deployment instead of
   * starting another.
   */
  public Deployment start(
      String idempotencyKey, String service, String version, String environment) {
    if (idempotencyKey == null) {
      return apply(null, service, version, environment);
    }
    return ledger.applyOnce(
        "devops.deploy",
        idempotencyKey,
        Deployment.class,
        () -> apply(idempotencyKey, service, version, environment));
  }

  private synchronized Deployment apply(
      String key, String service, String version, String environment) {
    String id =
        key == null
            ? String.format("dep-%06d", ++sequence)
            : "dep-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    Deployment deployment =
        new Deployment(
            id,
            service,
            version,
            environment,
            Status.IN_PROGRESS,
            0,
            liveVersions.get(slot(service, environment)));
    deployments.put(id, deployment);
    deploymentsStarted.merge(slot(service, environment), 1, Integer::sum);
    return deployment;
  }

  /** The deployment's state, counting this as a status check that advances the rollout. */
  public synchronized Optional<Deployment> check(String deploymentId) {
    Deployment current = deployments.get(deploymentId);
    if (current == null) {
      return Optional.empty();
    }
    if (current.status() != Status.IN_PROGRESS) {
      return Optional.of(current);
    }
    int checks = current.statusChecks() + 1;
    Status status = Status.IN_PROGRESS;
    if (checks > checksToComplete) {
      status = current.version().endsWith("-bad") ? Status.FAILED : Status.SUCCEEDED;
    }
    Deployment next =
        new Deployment(
            current.deploymentId(),
            current.service(),
            current.version(),
            current.environment(),
            status,
            checks,
            current.previousVersion());
    deployments.put(deploymentId, next);
    if (status == Status.SUCCEEDED) {
      liveVersions.put(slot(next.service(), next.environment()), next.version());
    }
    return Optional.of(next);
  }

  /** The live version's health, or empty when nothing is deployed there. */
  public synchronized Optional<Health> health(String service, String environment) {
    String version = liveVersions.get(slot(service, environment));
    if (version == null) {
      return Optional.empty();
    }
    return Optional.of(new Health(service, environment, version, !version.endsWith("-unhealthy")));
  }

  /** Rolls the deployment back, restoring the previous live version; repeated calls are no-ops. */
  public synchronized Optional<Deployment> rollback(String deploymentId) {
    Deployment current = deployments.get(deploymentId);
    if (current == null) {
      return Optional.empty();
    }
    if (current.status() == Status.ROLLED_BACK) {
      return Optional.of(current);
    }
    Deployment rolledBack =
        new Deployment(
            current.deploymentId(),
            current.service(),
            current.version(),
            current.environment(),
            Status.ROLLED_BACK,
            current.statusChecks(),
            current.previousVersion());
    deployments.put(deploymentId, rolledBack);
    String slot = slot(current.service(), current.environment());
    if (current.version().equals(liveVersions.get(slot))) {
      if (current.previousVersion() == null) {
        liveVersions.remove(slot);
      } else {
        liveVersions.put(slot, current.previousVersion());
      }
    }
    return Optional.of(rolledBack);
  }

  /** How many deployments were started for the service in the environment. */
  public synchronized int deploymentsStarted(String service, String environment) {
    return deploymentsStarted.getOrDefault(slot(service, environment), 0);
  }

  private static String slot(String service, String environment) {
    return service + '\u0000' + environment;
  }
}
