package io.statecraft.api.reliability;

import io.statecraft.api.temporal.EmbeddedTemporalServer;

/**
 * Temporal's Java test server in a process of its own, bound to loopback: the Temporal server of
 * the cross-process tests, which must outlive the platform processes they kill. Sticky execution is
 * off, as on a real server once a dead worker's sticky queue has timed out (see {@link
 * EmbeddedTemporalServer}).
 */
public final class StandaloneTemporalServer {

  private StandaloneTemporalServer() {}

  /** Serves on {@code 127.0.0.1:<args[0]>} until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedTemporalServer server =
        EmbeddedTemporalServer.start("127.0.0.1", Integer.parseInt(args[0]), false);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("Temporal test server ready on " + server.address());
    Thread.currentThread().join();
  }
}
