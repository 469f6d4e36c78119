package io.statecraft.bench.temporal;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Temporal's Java test server, in real time, on a free loopback port, in a JVM of its own: the
 * in-process scenarios' worker then has its JVM to itself, so its heap figures are the worker's.
 * Prints {@value #READY} and the port, then serves until its standard input closes (when the parent
 * exits, however it exits).
 */
public final class TemporalServerMain {

  /** The line's prefix that tells the parent the port. */
  public static final String READY = "TEMPORAL_LISTENING ";

  private TemporalServerMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    // lockTimeSkipping = true: the clock runs in real time, as a real server's does.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    List<BindableService> bindable = services.getServices();
    GRPCServerHelper.registerServicesAndHealthChecks(bindable, builder);
    Server server = builder.build().start();
    System.out.println(READY + server.getPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Serve until the parent closes the pipe.
    }
    server.shutdownNow();
    services.close();
    System.exit(0);
  }
}
