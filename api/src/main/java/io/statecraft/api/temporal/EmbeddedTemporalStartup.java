package io.statecraft.api.temporal;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.statecraft.api.config.StatecraftEnvironmentPostProcessor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded Temporal server, and registers the search attributes on it, on a thread of
 * its own as soon as the application context exists, so that it comes up while the rest of the
 * context is built rather than after: the start of the whole process is a few seconds shorter. The
 * {@code embeddedTemporalServer} bean takes the started server over; if the context fails before
 * that, the server is closed with the context.
 */
public final class EmbeddedTemporalStartup
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalStartup.class);

  /** The name this startup is registered under in the context. */
  static final String BEAN = "embeddedTemporalStartup";

  private CompletableFuture<EmbeddedTemporalServer> server;
  private volatile boolean claimed;

  /** Used by Spring Boot to run the initializer. */
  public EmbeddedTemporalStartup() {}

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!environment.getProperty(
        StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE, Boolean.class, false)) {
      return;
    }
    String bind = environment.getProperty("statecraft.temporal.embedded.bind-address", "127.0.0.1");
    int port = environment.getProperty("statecraft.temporal.embedded.port", Integer.class, 7233);
    String namespace = environment.getProperty("spring.temporal.namespace", "default");
    EmbeddedTemporalStartup startup = new EmbeddedTemporalStartup();
    startup.server =
        CompletableFuture.supplyAsync(
            () -> {
              EmbeddedTemporalServer started = EmbeddedTemporalServer.start(bind, port);
              registerSearchAttributes(started.address(), namespace);
              return started;
            },
            task -> Thread.ofPlatform().name("statecraft-embedded-temporal").start(task));
    if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
      beans.registerSingleton(BEAN, startup);
      // Closes the server if the context fails before a bean took it over.
      beans.registerDisposableBean(BEAN, startup);
    }
  }

  private static void registerSearchAttributes(InetSocketAddress address, String namespace) {
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(
                StatecraftEnvironmentPostProcessor.hostPort(
                    StatecraftEnvironmentPostProcessor.connectHost(
                        address.getAddress().getHostAddress()),
                    address.getPort()))
            .usePlaintext()
            .build();
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setChannel(channel).build());
    try {
      SearchAttributeRegistrar.register(stubs, namespace);
    } finally {
      stubs.shutdownNow();
      channel.shutdownNow();
    }
  }

  /**
   * The started server, waiting for it if need be; the caller owns it from then on.
   *
   * @throws IllegalStateException as the start failed
   */
  EmbeddedTemporalServer take() {
    try {
      EmbeddedTemporalServer started = server.join();
      claimed = true;
      return started;
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public void destroy() {
    if (server == null || claimed) {
      return;
    }
    server.whenComplete(
        (started, failure) -> {
          if (started != null && !claimed) {
            log.info("Closing the embedded Temporal server of a context that did not start");
            started.close();
          }
        });
  }
}
