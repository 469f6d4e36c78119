package io.statecraft.activities.builtin;

import io.statecraft.activities.sdk.TaskError;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether the HTTP Task may call a destination; see {@link HttpTaskSettings} for the rules.
 *
 * <p>Residual risk (DNS rebinding): the JDK HTTP client resolves the host again when it connects,
 * and offers no hook to connect to the addresses checked here (nor, for HTTPS, to keep SNI and
 * certificate checks while doing so). The JVM caches successful lookups ({@code
 * networkaddress.cache.ttl}, 30 seconds by default), so the connection normally goes to an address
 * that was checked a moment before. A name whose record changes between the two lookups, or a JVM
 * with that cache disabled, can still reach an address that was not checked. Where that matters,
 * use an allowlist of host names you control, and enforce egress rules in the network as well.
 */
final class DestinationPolicy {

  /** Resolves a host to all its addresses. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  // Declared first: the address lists below are parsed with them.
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private static final Set<String> METADATA_HOSTS =
      Set.of(
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "instance-data",
          "instance-data.ec2.internal",
          "metadata.tencentyun.com");

  private static final List<Network> METADATA_ADDRESSES =
      List.of(
          Network.parse("169.254.169.254/32"),
          Network.parse("169.254.170.2/32"),
          Network.parse("169.254.170.23/32"),
          Network.parse("fd00:ec2::254/128"),
          Network.parse("fd00:ec2::23/128"),
          Network.parse("100.100.100.200/32"),
          Network.parse("192.0.0.192/32"));

  private static final List<Network> LINK_LOCAL =
      List.of(Network.parse("169.254.0.0/16"), Network.parse("fe80::/10"));

  private static final List<Network> PRIVATE =
      List.of(
          Network.parse("127.0.0.0/8"),
          Network.parse("::1/128"),
          Network.parse("10.0.0.0/8"),
          Network.parse("172.16.0.0/12"),
          Network.parse("192.168.0.0/16"),
          Network.parse("100.64.0.0/10"),
          Network.parse("fc00::/7"));

  private final List<Rule> rules;
  private final boolean denyPrivateNetworks;
  private final Resolver resolver;

  DestinationPolicy(List<String> allowlist, boolean denyPrivateNetworks, Resolver resolver) {
    this.rules = allowlist.stream().map(DestinationPolicy::parseRule).toList();
    this.denyPrivateNetworks = denyPrivateNetworks;
    this.resolver = resolver;
  }

  /**
   * Checks a destination, resolving its host.
   *
   * @throws TaskError {@code States.Permissions} when refused, {@code States.Http.Socket} when the
   *     host cannot be resolved
   */
  void check(URI uri) {
    String host = normalizeHost(uri.getHost());
    int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
    boolean allowedByName = false;
    for (Rule rule : rules) {
      if (rule.matchesName(host, port)) {
        allowedByName = true;
      }
    }
    if (METADATA_HOSTS.contains(host) && !explicitName(host, port)) {
      throw refused(host, null, "it is a cloud metadata endpoint");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw TaskError.of(HttpInvokeActivity.ERROR_SOCKET, "Cannot resolve the host '" + host + "'");
    }
    if (addresses == null || addresses.length == 0) {
      throw TaskError.of(HttpInvokeActivity.ERROR_SOCKET, "The host '" + host + "' has no address");
    }
    for (InetAddress address : addresses) {
      checkAddress(host, port, address, allowedByName);
    }
  }

  private void checkAddress(String host, int port, InetAddress address, boolean allowedByName) {
    boolean allowedByAddress = false;
    for (Rule rule : rules) {
      if (rule.matchesAddress(address, port)) {
        allowedByAddress = true;
      }
    }
    List<InetAddress> forms = new ArrayList<>(2);
    forms.add(address);
    InetAddress embedded = embeddedIpv4(address);
    if (embedded != null) {
      forms.add(embedded);
    }
    for (InetAddress form : forms) {
      if (form.isAnyLocalAddress() || form.isMulticastAddress() || isBroadcast(form)) {
        throw refused(host, address, "it is an unspecified, multicast or broadcast address");
      }
      if (!allowedByAddress && contains(METADATA_ADDRESSES, form)) {
        throw refused(host, address, "it is a cloud metadata endpoint");
      }
      if (!allowedByAddress && contains(LINK_LOCAL, form)) {
        throw refused(host, address, "it is a link-local address");
      }
      if (denyPrivateNetworks && !allowedByAddress && contains(PRIVATE, form)) {
        throw refused(host, address, "it is a loopback or private-network address");
      }
    }
    if (!rules.isEmpty() && !allowedByName && !allowedByAddress) {
      throw refused(host, address, "it is not in the destination allowlist");
    }
  }

  private boolean explicitName(String host, int port) {
    for (Rule rule : rules) {
      if (rule.kind == Kind.NAME && rule.matchesName(host, port)) {
        return true;
      }
    }
    return false;
  }

  private static TaskError refused(String host, InetAddress address, String reason) {
    String target = address == null ? host : host + " (" + address.getHostAddress() + ")";
    return TaskError.of(
        HttpInvokeActivity.ERROR_PERMISSIONS,
        "The HTTP Task may not call "
            + target
            + ": "
            + reason
            + ". Destinations are controlled by the HTTP Task settings (allowlist and"
            + " private-network rules).");
  }

  static String normalizeHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }

  static int defaultPort(String scheme) {
    return "http".equalsIgnoreCase(scheme) ? 80 : 443;
  }

  private static boolean contains(List<Network> networks, InetAddress address) {
    for (Network network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBroadcast(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 4 && b[0] == -1 && b[1] == -1 && b[2] == -1 && b[3] == -1;
  }

  /** The IPv4 address embedded in an IPv6 address (compatible, NAT64 or 6to4), if any. */
  static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return null;
    }
    byte[] b = v6.getAddress();
    byte[] v4 = null;
    if (v6.isIPv4CompatibleAddress()) {
      v4 = new byte[] {b[12], b[13], b[14], b[15]};
    } else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
      boolean zeros = true;
      for (int i = 4; i < 12; i++) {
        zeros &= b[i] == 0;
      }
      if (zeros) {
        v4 = new byte[] {b[12], b[13], b[14], b[15]};
      }
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      v4 = new byte[] {b[2], b[3], b[4], b[5]};
    }
    if (v4 == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Four bytes are always an IPv4 address", e);
    }
  }

  private enum Kind {
    NAME,
    WILDCARD,
    NETWORK
  }

  private record Rule(Kind kind, String host, Network network, int port) {
    boolean matchesName(String candidate, int candidatePort) {
      if (port >= 0 && port != candidatePort) {
        return false;
      }
      return switch (kind) {
        case NAME -> host.equals(candidate);
        case WILDCARD -> candidate.endsWith("." + host);
        case NETWORK -> false;
      };
    }

    boolean matchesAddress(InetAddress address, int candidatePort) {
      return kind == Kind.NETWORK
          && (port < 0 || port == candidatePort)
          && network.contains(address);
    }
  }

  /**
   * Reads an allowlist entry.
   *
   * @throws IllegalArgumentException naming the entry when it has no valid form
   */
  static Rule parseRule(String entry) {
    if (entry == null || entry.isBlank()) {
      throw new IllegalArgumentException("An allowlist entry must not be blank");
    }
    String text = entry.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.contains("/")) {
        return new Rule(Kind.NETWORK, null, Network.parse(text), -1);
      }
      String host = text;
      int port = -1;
      if (text.startsWith("[")) {
        int close = text.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("missing ']'");
        }
        host = text.substring(1, close);
        String rest = text.substring(close + 1);
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw new IllegalArgumentException("unexpected text after ']'");
          }
          port = port(rest.substring(1));
        }
        return new Rule(Kind.NETWORK, null, Network.single(literal(host)), port);
      }
      long colons = text.chars().filter(c -> c == ':').count();
      if (colons == 1) {
        int colon = text.indexOf(':');
        host = text.substring(0, colon);
        port = port(text.substring(colon + 1));
      } else if (colons > 1) {
        return new Rule(Kind.NETWORK, null, Network.single(literal(text)), -1);
      }
      if (IPV4.matcher(host).matches()) {
        return new Rule(Kind.NETWORK, null, Network.single(literal(host)), port);
      }
      if (host.startsWith("*.")) {
        String domain = host.substring(2);
        if (!HOST.matcher(domain).matches()) {
          throw new IllegalArgumentException("not a host name after '*.'");
        }
        return new Rule(Kind.WILDCARD, domain, null, port);
      }
      String name = normalizeHost(host);
      if (!HOST.matcher(name).matches()) {
        throw new IllegalArgumentException("not a host name, IP address or CIDR block");
      }
      return new Rule(Kind.NAME, name, null, port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid destination allowlist entry '" + entry + "': " + e.getMessage(), e);
    }
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port " + text + " is out of range");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a port number");
    }
  }

  /** An IP literal, parsed without any DNS lookup. */
  static InetAddress literal(String text) {
    if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
    try {
      // getByName does no lookup for a literal, and both patterns above admit only literals.
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
    }
  }

  /** An address block. */
  record Network(byte[] prefix, int bits) {
    static Network parse(String cidr) {
      int slash = cidr.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException("'" + cidr + "' has no '/<bits>'");
      }
      InetAddress base = literal(cidr.substring(0, slash));
      int bits;
      try {
        bits = Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
      }
      int max = base.getAddress().length * 8;
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException(
            "the prefix length of '" + cidr + "' must be 0 to " + max);
      }
      return new Network(base.getAddress(), bits);
    }

    static Network single(InetAddress address) {
      return new Network(address.getAddress(), address.getAddress().length * 8);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (candidate[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (candidate[full] & mask) == (prefix[full] & mask);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Network n
          && bits == n.bits
          && java.util.Arrays.equals(prefix, n.prefix);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(prefix) + bits;
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
      } catch (UnknownHostException e) {
        return "?/" + bits;
      }
    }
  }
}
