package io.statecraft.api.temporal;

import io.grpc.BindableService;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
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
 *
 * <p>Sticky execution: a worker asks for a workflow's next tasks on a queue of its own (its
 * "sticky" queue), so that it continues from its cached state. A real Temporal server hands such a
 * task to the shared queue when the worker does not take it within a few seconds (the worker died);
 * the test server never does, so the workflows of a worker process killed without a goodbye would
 * wait forever. With {@code stickyExecution} off, the server ignores the workers' sticky requests:
 * every workflow task goes to the shared queue, and any worker takes over a dead one's workflows,
 * at the price of replaying each workflow's history on every task.
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
    return start(bindAddress, port, true);
  }

  /**
   * Starts the server on {@code bindAddress:port}, honouring workers' sticky queues or not (see the
   * class documentation).
   *
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static EmbeddedTemporalServer start(
      String bindAddress, int port, boolean stickyExecution) {
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
    if (!stickyExecution) {
      builder.intercept(new NonStickyWorkflowTasks());
    }
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

  /**
   * Drops the sticky queue from every completed workflow task, so the next goes to the shared
   * queue.
   */
  static final class NonStickyWorkflowTasks implements ServerInterceptor {

    private static final String COMPLETED =
        WorkflowServiceGrpc.getRespondWorkflowTaskCompletedMethod().getFullMethodName();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      ServerCall.Listener<Q> listener = next.startCall(call, headers);
      if (!COMPLETED.equals(call.getMethodDescriptor().getFullMethodName())) {
        return listener;
      }
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
        @Override
        public void onMessage(Q message) {
          if (message instanceof RespondWorkflowTaskCompletedRequest request
              && request.hasStickyAttributes()) {
            @SuppressWarnings("unchecked")
            Q withoutSticky = (Q) request.toBuilder().clearStickyAttributes().build();
            super.onMessage(withoutSticky);
          } else {
            super.onMessage(message);
          }
        }
      };
    }
  }
}
