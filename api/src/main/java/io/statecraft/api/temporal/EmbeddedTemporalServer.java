package io.statecraft.api.temporal;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server, in real time (no time skipping), served on one address of our
 * choosing. The test server's own runner ({@code TestServer.createPortBoundServer}) binds every
 * interface, which would expose an unauthenticated Temporal to the network; here its services are
 * put on a gRPC server bound to the configured address only (loopback by default).
 *
 * <p>Everything it holds lives in memory: workflows, histories and task queues are gone when the
 * process stops.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServicesStarter services;
  private final Server server;
  private final InetSocketAddress address;

  private EmbeddedTemporalServer(
      TestServicesStarter services, Server server, InetSocketAddress address) {
    this.services = services;
    this.server = server;
    this.address = address;
  }

  /**
   * Starts the server on {@code bindAddress:port}.
   *
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static EmbeddedTemporalServer start(String bindAddress, int port) {
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByName(bindAddress), port);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Embedded Temporal: bind address '" + bindAddress + "' cannot be resolved", e);
    }
    // lockTimeSkipping = true: the clock runs in real time, as a real server's does.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(address);
    List<BindableService> bindable = services.getServices();
    GRPCServerHelper.registerServicesAndHealthChecks(bindable, builder);
    Server server = builder.build();
    try {
      server.start();
    } catch (IOException e) {
      services.close();
      throw new IllegalStateException(
          "Embedded Temporal: cannot listen on "
              + bindAddress
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "). Free the port, set statecraft.temporal.embedded.port, or point"
              + " statecraft.temporal.target at a running Temporal server.",
          e);
    }
    InetSocketAddress bound =
        new InetSocketAddress(address.getAddress(), server.getPort() > 0 ? server.getPort() : port);
    log.info(
        "Embedded Temporal server (in memory, real time) listening on {}:{}",
        bound.getAddress().getHostAddress(),
        bound.getPort());
    return new EmbeddedTemporalServer(services, server, bound);
  }

  /** The address the server is bound to. */
  public InetSocketAddress address() {
    return address;
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    services.close();
    log.info("Embedded Temporal server stopped");
  }
}
