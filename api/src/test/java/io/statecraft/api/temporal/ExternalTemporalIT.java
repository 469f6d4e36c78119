package io.statecraft.api.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.api.StatecraftApplication;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With a Temporal target configured, the process embeds no server and uses that one. */
class ExternalTemporalIT {

  @TempDir Path dataDir;

  @Test
  void usesTheConfiguredTargetAndStartsNoServerOfItsOwn() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (EmbeddedTemporalServer external = EmbeddedTemporalServer.start("127.0.0.1", port);
        ConfigurableApplicationContext context =
            new SpringApplicationBuilder(StatecraftApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                    "--statecraft.temporal.target=127.0.0.1:" + port,
                    "--statecraft.data-dir=" + dataDir)) {
      assertThat(context.getBeanNamesForType(EmbeddedTemporalServer.class)).isEmpty();
      WorkflowServiceStubs stubs = context.getBean(WorkflowServiceStubs.class);
      assertThat(stubs.getOptions().getTarget()).isEqualTo("127.0.0.1:" + port);
      // Search attributes were registered on the external server at start.
      assertThat(SearchAttributeRegistrar.register(stubs, "default")).isEmpty();
      assertThat(external.address().getPort()).isEqualTo(port);
    }
  }
}
