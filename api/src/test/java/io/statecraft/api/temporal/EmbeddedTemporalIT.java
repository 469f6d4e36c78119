package io.statecraft.api.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.PlatformITBase;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded Temporal server: up before the starter's stubs, and on loopback only. */
class EmbeddedTemporalIT extends PlatformITBase {

  @Autowired EmbeddedTemporalServer server;
  @Autowired WorkflowServiceStubs starterStubs;
  @Autowired WorkflowClient client;

  @Autowired org.springframework.context.ConfigurableApplicationContext context;

  @Test
  void theStarterStubsWaitForTheEmbeddedServer() {
    var factory = context.getBeanFactory();
    String[] names = factory.getBeanNamesForType(WorkflowServiceStubs.class);
    assertThat(names).isNotEmpty();
    for (String name : names) {
      assertThat(factory.getBeanDefinition(name).getDependsOn())
          .as(name)
          .contains("embeddedTemporalServer");
    }
  }

  @Test
  void answersOnLoopbackThroughItsOwnStubs() {
    InetSocketAddress address = server.address();
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + address.getPort())
                .build());
    try {
      assertThat(
              stubs
                  .blockingStub()
                  .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
                  .hasCapabilities())
          .isTrue();
      assertThat(
              stubs
                  .blockingStub()
                  .describeNamespace(
                      DescribeNamespaceRequest.newBuilder().setNamespace("default").build())
                  .getNamespaceInfo()
                  .getName())
          .isEqualTo("default");
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void theStarterClientTalksToTheEmbeddedServer() {
    assertThat(starterStubs.getOptions().getTarget())
        .isEqualTo("127.0.0.1:" + server.address().getPort());
    assertThat(client.getOptions().getNamespace()).isEqualTo("default");
    assertThat(
            starterStubs
                .blockingStub()
                .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
                .getServerVersion())
        .isNotNull();
  }

  @Test
  void listensOnLoopbackAndOnNoOtherAddress() throws IOException {
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    // The kernel's socket table shows every address the port is bound to, without any traffic.
    List<String> bound = boundAddresses(server.address().getPort());
    // 127.0.0.1, as itself or IPv4-mapped in the IPv6 table; never 0.0.0.0 or another address.
    assertThat(bound)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a).isIn("0100007F", "0000000000000000FFFF00000100007F"));
  }

  @Test
  void theCustomSearchAttributesAreRegistered() {
    assertThat(SearchAttributeRegistrar.register(starterStubs, "default")).isEmpty();
    // The stubs stay usable: the registrar does not close the shared channel.
    assertThat(starterStubs.isShutdown()).isFalse();
  }

  @Test
  void aTakenPortIsAClearError() {
    assertThatThrownBy(() -> EmbeddedTemporalServer.start("127.0.0.1", server.address().getPort()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + server.address().getPort())
        .hasMessageContaining("statecraft.temporal.target");
  }

  /** The local addresses (hex, as in /proc/net/tcp) listening on {@code port}. */
  private static List<String> boundAddresses(int port) throws IOException {
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    List<String> found = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path)) {
        String[] columns = line.trim().split("\\s+");
        // columns: sl local_address rem_address st ...; st 0A is LISTEN
        if (columns.length > 3 && columns[1].endsWith(":" + hexPort) && columns[3].equals("0A")) {
          found.add(columns[1].substring(0, columns[1].indexOf(':')));
        }
      }
    }
    assertThat(Path.of("/proc/net/tcp")).exists();
    return found;
  }
}
