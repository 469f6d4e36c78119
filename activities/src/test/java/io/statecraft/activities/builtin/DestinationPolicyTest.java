package io.statecraft.activities.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.statecraft.activities.FixedTaskContext;
import io.statecraft.activities.sdk.TaskError;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SSRF protection of the HTTP Task: allowlist, link-local and metadata refusal, rebinding. */
class DestinationPolicyTest {

  private static final String CONNECTION =
      "arn:aws:events:us-east-1:123456789012:connection/t/none";

  private LoopbackServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new LoopbackServer();
    server.json("/ok", 200, "{\"ok\":true}");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Resolves a few test names without DNS, and IP literals as the JDK does. */
  private static InetAddress[] resolve(String host) throws UnknownHostException {
    Map<String, List<String>> names =
        Map.of(
            "api.partner.test", List.of("203.0.113.10", "169.254.169.254"),
            "svc.example.test", List.of("203.0.113.20"),
            "example.test", List.of("203.0.113.21"),
            "evil-example.test", List.of("203.0.113.22"));
    List<String> addresses = names.get(host);
    if (addresses == null) {
      if (host.matches("[0-9a-f:.]+")) {
        return InetAddress.getAllByName(host);
      }
      throw new UnknownHostException(host);
    }
    InetAddress[] out = new InetAddress[addresses.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = InetAddress.getByName(addresses.get(i));
    }
    return out;
  }

  private HttpInvokeActivity activity(HttpTaskSettings.Builder settings) {
    return new HttpInvokeActivity(
        settings
            .allowPlainHttp(true)
            .connection(CONNECTION, HttpConnection.none())
            .resolver(DestinationPolicyTest::resolve)
            .build());
  }

  private static TaskError call(HttpInvokeActivity activity, String url) throws Exception {
    try {
      activity.invoke(
          JsonMapper.builder()
              .build()
              .readTree(
                  "{\"ApiEndpoint\":\""
                      + url
                      + "\",\"Method\":\"GET\",\"Authentication\":{\"ConnectionArn\":\""
                      + CONNECTION
                      + "\"}}"),
          FixedTaskContext.of("sm/e", "Call"));
      return null;
    } catch (TaskError e) {
      return e;
    }
  }

  @Test
  void refusesLinkLocalAndMetadataDestinationsByDefaultInAnyForm() throws Exception {
    HttpInvokeActivity activity = activity(HttpTaskSettings.builder());
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.170.2/v2/credentials",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.google.internal./",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::169.254.169.254]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:a9fe:a9fe::1]/",
            "http://[fe80::1]/",
            "http://2852039166/",
            "http://100.100.100.200/latest/meta-data/",
            "http://0.0.0.0/",
            "http://[::]/",
            "http://api.partner.test/")) {
      TaskError error = call(activity, url);
      assertThat(error).as(url).isNotNull();
      assertThat(error.error()).as(url).isEqualTo("States.Permissions");
      assertThat(error.cause()).as(url).contains("may not call");
    }
  }

  @Test
  void rebindingIsCaughtBecauseEveryResolvedAddressIsChecked() throws Exception {
    HttpInvokeActivity activity =
        activity(HttpTaskSettings.builder().allowDestination("api.partner.test"));
    TaskError error = call(activity, "https://api.partner.test/v1");
    assertThat(error.error()).isEqualTo("States.Permissions");
    assertThat(error.cause()).contains("169.254.169.254").contains("cloud metadata");
  }

  @Test
  void allowsLoopbackByDefaultButNotWithPrivateNetworksDenied() throws Exception {
    assertThat(call(activity(HttpTaskSettings.builder()), server.url("/ok"))).isNull();
    TaskError error =
        call(activity(HttpTaskSettings.builder().denyPrivateNetworks(true)), server.url("/ok"));
    assertThat(error.error()).isEqualTo("States.Permissions");
    assertThat(error.cause()).contains("loopback or private-network");
    assertThat(
            call(
                activity(
                    HttpTaskSettings.builder()
                        .denyPrivateNetworks(true)
                        .allowDestination("127.0.0.1")),
                server.url("/ok")))
        .isNull();
  }

  @Test
  void withAnAllowlistOnlyListedDestinationsAreCalled() throws Exception {
    TaskError refused =
        call(
            activity(HttpTaskSettings.builder().allowDestination("api.example.com")),
            server.url("/ok"));
    assertThat(refused.error()).isEqualTo("States.Permissions");
    assertThat(refused.cause()).contains("not in the destination allowlist");
    assertThat(server.hits("/ok")).isZero();

    assertThat(
            call(
                activity(HttpTaskSettings.builder().allowDestination("127.0.0.0/8")),
                server.url("/ok")))
        .isNull();
    assertThat(
            call(
                activity(HttpTaskSettings.builder().allowDestination("127.0.0.1:" + server.port())),
                server.url("/ok")))
        .isNull();
    assertThat(
            call(
                    activity(HttpTaskSettings.builder().allowDestination("127.0.0.1:1")),
                    server.url("/ok"))
                .error())
        .isEqualTo("States.Permissions");
    assertThat(server.hits("/ok")).isEqualTo(2);
  }

  @Test
  void wildcardEntriesMatchSubdomainsOnly() {
    DestinationPolicy policy =
        new DestinationPolicy(List.of("*.example.test"), false, DestinationPolicyTest::resolve);
    assertThatCode(() -> policy.check(URI.create("https://svc.example.test/x")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check(URI.create("https://example.test/x")))
        .isInstanceOfSatisfying(
            TaskError.class, e -> assertThat(e.error()).isEqualTo("States.Permissions"));
    assertThatThrownBy(() -> policy.check(URI.create("https://evil-example.test/x")))
        .isInstanceOf(TaskError.class);
  }

  @Test
  void anExplicitAddressEntryLetsAnAdministratorReachAMetadataAddress() {
    DestinationPolicy policy =
        new DestinationPolicy(List.of("169.254.169.254/32"), false, DestinationPolicyTest::resolve);
    assertThatCode(() -> policy.check(URI.create("http://169.254.169.254/")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check(URI.create("http://169.254.1.1/")))
        .isInstanceOf(TaskError.class);
  }

  @Test
  void unresolvableHostsAreSocketErrors() {
    DestinationPolicy policy =
        new DestinationPolicy(List.of(), false, DestinationPolicyTest::resolve);
    assertThatThrownBy(() -> policy.check(URI.create("https://no-such-host.test/")))
        .isInstanceOfSatisfying(
            TaskError.class, e -> assertThat(e.error()).isEqualTo("States.Http.Socket"));
  }

  @Test
  void theOAuthTokenEndpointIsCheckedToo() throws Exception {
    String oauth = "arn:aws:events:us-east-1:123456789012:connection/t/oauth";
    HttpInvokeActivity activity =
        new HttpInvokeActivity(
            HttpTaskSettings.builder()
                .allowPlainHttp(true)
                .connection(
                    oauth,
                    HttpConnection.oauthClientCredentials(
                        URI.create("http://169.254.169.254/token"), "id", Secret.of("secret")))
                .build());
    TaskError error;
    try {
      activity.invoke(
          JsonMapper.builder()
              .build()
              .readTree(
                  "{\"ApiEndpoint\":\""
                      + server.url("/ok")
                      + "\",\"Method\":\"GET\",\"Authentication\":{\"ConnectionArn\":\""
                      + oauth
                      + "\"}}"),
          FixedTaskContext.of("sm/e", "Call"));
      error = null;
    } catch (TaskError e) {
      error = e;
    }
    assertThat(error).isNotNull();
    assertThat(error.error()).isEqualTo("States.Permissions");
    assertThat(server.hits("/ok")).isZero();
  }

  @Test
  void invalidAllowlistEntriesAreRejectedAtConfigurationTime() {
    for (String entry :
        List.of(
            "",
            "https://api.example.com",
            "10.0.0.0/33",
            "api.example.com:99999",
            "*.",
            "[::1",
            "a b")) {
      assertThatThrownBy(() -> HttpTaskSettings.builder().allowDestination(entry))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> HttpTaskSettings.builder().allowDestination("10.0.0.0/33"))
        .hasMessageContaining("'10.0.0.0/33'")
        .hasMessageContaining("0 to 32");
  }
}
