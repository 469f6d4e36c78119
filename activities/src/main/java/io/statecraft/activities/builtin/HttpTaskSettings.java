package io.statecraft.activities.builtin;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the built-in HTTP Task ({@link HttpInvokeActivity}): the connections that {@code
 * ConnectionArn} values refer to, which destinations may be called, timeouts and limits. Plain
 * Java, so that the platform can bind it from its own configuration.
 *
 * <h2>Destinations</h2>
 *
 * Every request's destination is checked before it is sent, on every address its host name resolves
 * to:
 *
 * <ul>
 *   <li>Unspecified ({@code 0.0.0.0}, {@code ::}), multicast and broadcast addresses are always
 *       refused.
 *   <li>Link-local addresses ({@code 169.254.0.0/16}, {@code fe80::/10}) and cloud metadata
 *       endpoints ({@code 169.254.169.254}, {@code 169.254.170.2}, {@code fd00:ec2::254}, {@code
 *       100.100.100.200}, {@code metadata.google.internal} and similar names) are refused unless an
 *       allowlist entry names the address (or the metadata host name) explicitly. IPv6 forms that
 *       embed an IPv4 address (mapped, compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code
 *       2002::/16}) are judged by the embedded address too.
 *   <li>With {@link Builder#denyPrivateNetworks(boolean)}, loopback, private ({@code 10/8}, {@code
 *       172.16/12}, {@code 192.168/16}, {@code fc00::/7}) and shared ({@code 100.64/10}) addresses
 *       are refused the same way.
 *   <li>With a non-empty allowlist, only listed destinations may be called.
 * </ul>
 *
 * Allowlist entries are {@code host}, {@code *.domain} (any subdomain), an IP address, or a CIDR
 * block such as {@code 10.1.0.0/16} or {@code fd00::/8}; host names and IP addresses may carry a
 * {@code :port} (IPv6 addresses in brackets: {@code [2001:db8::1]:8443}).
 *
 * <p>A refused destination fails the task with {@code States.Permissions}, the error AWS raises
 * when the execution role may not call an endpoint.
 *
 * <p>Residual risk: the addresses are checked after resolving the host, but the JDK HTTP client
 * resolves it again to connect and cannot be told to use the checked address. The JVM's DNS cache
 * ({@code networkaddress.cache.ttl}, 30 seconds unless changed) normally makes both lookups agree,
 * so a name rebinding to an internal address is caught; a record that changes between the two
 * lookups, or a JVM with the cache disabled, can still slip through. Redirects are never followed,
 * so every request goes to a checked destination. For strict egress control, list the allowed host
 * names and also enforce egress rules in the network.
 */
public final class HttpTaskSettings {

  /** AWS's limit: HTTP Task requests time out after 60 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Time to establish a connection before {@code States.Http.Socket}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** AWS's payload quota, 256 KiB, which is also what its {@code Range} header asks for. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 262_144;

  /** The {@code User-Agent} sent with every request. */
  public static final String DEFAULT_USER_AGENT = "Statecraft|HttpInvoke";

  private final Map<String, HttpConnection> connections;
  private final List<String> allowedDestinations;
  private final boolean denyPrivateNetworks;
  private final boolean allowPlainHttp;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final String userAgent;
  private final DestinationPolicy.Resolver resolver;

  private HttpTaskSettings(Builder builder) {
    this.connections = Collections.unmodifiableMap(new LinkedHashMap<>(builder.connections));
    this.allowedDestinations = List.copyOf(builder.allowedDestinations);
    this.denyPrivateNetworks = builder.denyPrivateNetworks;
    this.allowPlainHttp = builder.allowPlainHttp;
    this.connectTimeout = builder.connectTimeout;
    this.requestTimeout = builder.requestTimeout;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.userAgent = builder.userAgent;
    this.resolver = builder.resolver;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** No connections, no allowlist, HTTPS only and AWS's timeouts and limits. */
  public static HttpTaskSettings defaults() {
    return builder().build();
  }

  /** The connections by ARN. */
  public Map<String, HttpConnection> connections() {
    return connections;
  }

  /** The destination allowlist; empty means any destination the other rules permit. */
  public List<String> allowedDestinations() {
    return allowedDestinations;
  }

  /** Whether loopback and private-network destinations are refused. */
  public boolean denyPrivateNetworks() {
    return denyPrivateNetworks;
  }

  /** Whether {@code http://} endpoints may be called, besides {@code https://}. */
  public boolean allowPlainHttp() {
    return allowPlainHttp;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public String userAgent() {
    return userAgent;
  }

  DestinationPolicy.Resolver resolver() {
    return resolver;
  }

  /** Builds {@link HttpTaskSettings}. */
  public static final class Builder {
    private final Map<String, HttpConnection> connections = new LinkedHashMap<>();
    private final List<String> allowedDestinations = new ArrayList<>();
    private boolean denyPrivateNetworks;
    private boolean allowPlainHttp;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private String userAgent = DEFAULT_USER_AGENT;
    private DestinationPolicy.Resolver resolver = InetAddress::getAllByName;

    private Builder() {}

    /** Makes a connection available to definitions under this ARN. */
    public Builder connection(String connectionArn, HttpConnection connection) {
      Objects.requireNonNull(connectionArn, "connectionArn");
      if (connectionArn.isBlank()) {
        throw new IllegalArgumentException("A connection ARN must not be blank");
      }
      connections.put(connectionArn, Objects.requireNonNull(connection, "connection"));
      return this;
    }

    /**
     * Adds an allowlist entry; see the class documentation for the forms.
     *
     * @throws IllegalArgumentException when the entry has none of those forms
     */
    public Builder allowDestination(String entry) {
      DestinationPolicy.parseRule(entry); // fail here, at configuration time
      allowedDestinations.add(entry.trim());
      return this;
    }

    /** Adds allowlist entries. */
    public Builder allowDestinations(List<String> entries) {
      entries.forEach(this::allowDestination);
      return this;
    }

    /** Refuses loopback and private-network destinations too; off by default. */
    public Builder denyPrivateNetworks(boolean deny) {
      this.denyPrivateNetworks = deny;
      return this;
    }

    /**
     * Lets tasks call {@code http://} endpoints. AWS calls only HTTPS endpoints, so this is off by
     * default; turn it on for endpoints on a trusted network, such as the platform's own demo API.
     */
    public Builder allowPlainHttp(boolean allow) {
      this.allowPlainHttp = allow;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The time for the whole exchange, response body included; AWS's 60 seconds by default. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** Responses with a longer body fail with {@code States.DataLimitExceeded}. */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be 1 or more");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    // For tests: resolve host names without DNS.
    Builder resolver(DestinationPolicy.Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    public HttpTaskSettings build() {
      return new HttpTaskSettings(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
