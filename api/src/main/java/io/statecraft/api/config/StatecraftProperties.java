package io.statecraft.api.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code statecraft.*}.
 *
 * @param dataDir where the embedded database and other local state live
 * @param role what this process runs: the APIs, the Temporal worker, or both
 * @param aws how resource ARNs are formed
 * @param temporal the Temporal server this process uses or embeds
 * @param security who may call the APIs
 * @param limits request size limits
 * @param api how the two APIs are served
 */
@ConfigurationProperties("statecraft")
public record StatecraftProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("all") Role role,
    @DefaultValue Aws aws,
    @DefaultValue Temporal temporal,
    @DefaultValue Security security,
    @DefaultValue Limits limits,
    @DefaultValue Api api) {

  /** The region and account id written into every ARN. */
  public record Aws(
      @DefaultValue("us-east-1") String region, @DefaultValue("123456789012") String accountId) {}

  /**
   * The Temporal server. When {@code target} (or the starter's {@code
   * spring.temporal.connection.target}) is set, that server is used and none is embedded.
   *
   * @param uiUrl the Temporal Web UI that execution responses link to
   */
  public record Temporal(
      String target,
      @DefaultValue("default") String namespace,
      @DefaultValue Embedded embedded,
      @DefaultValue("http://localhost:8233") String uiUrl) {}

  /**
   * Temporal's Java test server run inside this process, in real time. It keeps everything in
   * memory: executions do not survive a restart of the process.
   *
   * @param stickyExecution whether workers may keep a workflow's tasks on a queue of their own;
   *     turn it off when worker processes of their own use this server, so that a killed worker's
   *     workflows go on elsewhere (see {@code EmbeddedTemporalServer})
   */
  public record Embedded(
      @DefaultValue("127.0.0.1") String bindAddress,
      @DefaultValue("7233") int port,
      @DefaultValue("true") boolean stickyExecution) {}

  /**
   * Authentication of both APIs. Off by default, which is only allowed while the HTTP server and
   * the embedded Temporal server listen on loopback, unless {@code allowInsecure} is set.
   */
  public record Security(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("false") boolean allowInsecure,
      @DefaultValue List<AwsCredential> awsCredentials,
      @DefaultValue List<String> apiKeys,
      @DefaultValue List<User> users) {}

  /** An access key pair accepted on the AWS protocol endpoint (SigV4, service {@code states}). */
  public record AwsCredential(String accessKeyId, String secretAccessKey) {}

  /** An HTTP basic user of the REST API. */
  public record User(String name, String password) {}

  /** Request size limits. AWS's own limit for a request body and a definition is 1 MiB. */
  public record Limits(
      @DefaultValue("1048576") long maxRequestBytes,
      @DefaultValue("1048576") int maxDefinitionBytes) {}

  /** How the REST API and the AWS protocol are served. */
  public record Api(@DefaultValue RateLimit rateLimit) {}

  /**
   * An optional limit on the request rate of both APIs (token buckets; off by default).
   *
   * @param enabled whether requests are limited
   * @param requestsPerSecond the sustained rate each bucket refills at
   * @param burst how many requests a full bucket allows at once
   * @param perClient one bucket per client (authenticated principal, or remote address while
   *     authentication is off) rather than one for all callers
   */
  public record RateLimit(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("50") double requestsPerSecond,
      @DefaultValue("100") int burst,
      @DefaultValue("true") boolean perClient) {}
}
