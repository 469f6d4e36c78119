package io.statecraft.activities.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.statecraft.activities.TaskContextInterceptor;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a team's ASL tasks in its own process, on its own task queue, against any Temporal server
 * (the platform's embedded one or a real cluster).
 *
 * <pre>{@code
 * try (TaskWorker worker = TaskWorker.builder()
 *         .target("temporal.example.com:7233")
 *         .namespace("payments")
 *         .taskQueue("payments-tasks")
 *         .apiKey(System.getenv("TEMPORAL_API_KEY"))
 *         .register(new PaymentTasks())
 *         .build()) {
 *   worker.start();
 *   worker.awaitShutdownSignal();
 * }
 * }</pre>
 *
 * The worker polls only its task queue for activities; the platform's interpreter workflow sends a
 * Task state there when its routing rule maps the task's name to that queue. {@link #close()} shuts
 * down gracefully: polling stops, tasks already running finish (up to the {@link
 * Builder#shutdownGracePeriod grace period}, after which they are interrupted), then the connection
 * closes.
 */
public final class TaskWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TaskWorker.class);

  private final WorkflowServiceStubs stubs;
  private final boolean ownsStubs;
  private final WorkerFactory factory;
  private final TaskDispatcher dispatcher;
  private final String taskQueue;
  private final Duration shutdownGracePeriod;
  private final Object lock = new Object();
  private boolean started;
  private boolean closed;

  private TaskWorker(Builder builder, TaskDispatcher dispatcher) {
    this.dispatcher = dispatcher;
    this.taskQueue = builder.taskQueue;
    this.shutdownGracePeriod = builder.shutdownGracePeriod;
    WorkflowClient client = builder.client;
    if (client == null) {
      this.ownsStubs = builder.stubs == null;
      this.stubs =
          ownsStubs ? WorkflowServiceStubs.newServiceStubs(builder.stubsOptions()) : builder.stubs;
      WorkflowClientOptions.Builder clientOptions =
          WorkflowClientOptions.newBuilder().setNamespace(builder.namespace);
      if (builder.identity != null) {
        clientOptions.setIdentity(builder.identity);
      }
      client = WorkflowClient.newInstance(stubs, clientOptions.build());
    } else {
      this.ownsStubs = false;
      this.stubs = client.getWorkflowServiceStubs();
    }
    this.factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new TaskContextInterceptor())
                .build());
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (builder.maxConcurrentTasks > 0) {
      options.setMaxConcurrentActivityExecutionSize(builder.maxConcurrentTasks);
    }
    if (builder.identity != null) {
      options.setIdentity(builder.identity);
    }
    Worker worker = factory.newWorker(taskQueue, options.build());
    worker.registerActivitiesImplementations(dispatcher);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts polling the task queue. */
  public TaskWorker start() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("The worker for '" + taskQueue + "' is closed");
      }
      if (!started) {
        factory.start();
        started = true;
        log.info(
            "Task worker started on task queue '{}' with tasks {}",
            taskQueue,
            dispatcher.taskNames());
      }
    }
    return this;
  }

  /** The task queue this worker polls. */
  public String taskQueue() {
    return taskQueue;
  }

  /** The dispatcher running the registered tasks. */
  public TaskDispatcher dispatcher() {
    return dispatcher;
  }

  /** Whether the worker is started and not yet closed. */
  public boolean isRunning() {
    synchronized (lock) {
      return started && !closed;
    }
  }

  /**
   * Blocks until the JVM begins to shut down (SIGTERM, SIGINT, {@code System.exit}), then closes
   * the worker gracefully before returning. For a {@code main} method that only runs the worker.
   */
  public void awaitShutdownSignal() throws InterruptedException {
    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              close();
              stopped.countDown();
            },
            "task-worker-shutdown-" + taskQueue);
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }

  /**
   * Stops polling, waits up to the grace period for running tasks to finish, interrupts any still
   * running, then closes the connection if this worker opened it. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    log.info(
        "Task worker on '{}' shutting down; running tasks may take up to {}",
        taskQueue,
        shutdownGracePeriod);
    factory.shutdown();
    factory.awaitTermination(shutdownGracePeriod.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.warn(
          "Tasks on '{}' still running after {}; interrupting them",
          taskQueue,
          shutdownGracePeriod);
      factory.shutdownNow();
      factory.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (ownsStubs) {
      stubs.shutdown();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
    log.info("Task worker on '{}' stopped", taskQueue);
  }

  /** Settings for a {@link TaskWorker}. */
  public static final class Builder {
    private String target = "127.0.0.1:7233";
    private String namespace = "default";
    private String taskQueue;
    private String identity;
    private boolean tls;
    private Path clientCertificate;
    private Path clientKey;
    private Path trustedCertificates;
    private SslContext sslContext;
    private Supplier<String> apiKey;
    private WorkflowServiceStubs stubs;
    private WorkflowClient client;
    private int maxConcurrentTasks;
    private Duration shutdownGracePeriod = Duration.ofSeconds(30);
    private final TaskDispatcher.Builder dispatcher = TaskDispatcher.builder();

    private Builder() {}

    /** The Temporal frontend, {@code host:port}; {@code 127.0.0.1:7233} by default. */
    public Builder target(String target) {
      this.target = requireText(target, "target");
      return this;
    }

    /** The Temporal namespace; {@code default} by default. */
    public Builder namespace(String namespace) {
      this.namespace = requireText(namespace, "namespace");
      return this;
    }

    /** The task queue to poll. Required. */
    public Builder taskQueue(String taskQueue) {
      this.taskQueue = requireText(taskQueue, "taskQueue");
      return this;
    }

    /** The worker identity shown in Temporal; the SDK's {@code pid@host} by default. */
    public Builder identity(String identity) {
      this.identity = requireText(identity, "identity");
      return this;
    }

    /** Connects with TLS, trusting the JVM's default certificate authorities. */
    public Builder tls() {
      this.tls = true;
      return this;
    }

    /**
     * Connects with mutual TLS, presenting this client certificate chain and PKCS#8 private key
     * (both PEM files).
     */
    public Builder tlsClientCertificate(Path certificateChainPem, Path privateKeyPem) {
      this.clientCertificate = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
      this.clientKey = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
      this.tls = true;
      return this;
    }

    /** Trusts the certificate authorities in this PEM file instead of the JVM's defaults. */
    public Builder tlsTrustedCertificates(Path caCertificatesPem) {
      this.trustedCertificates = Objects.requireNonNull(caCertificatesPem, "caCertificatesPem");
      this.tls = true;
      return this;
    }

    /** Uses this TLS context as is; it supersedes the other TLS settings. */
    public Builder sslContext(SslContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** Authenticates with a Temporal Cloud API key, sent as a bearer token; implies TLS. */
    public Builder apiKey(String apiKey) {
      String key = requireText(apiKey, "apiKey");
      return apiKey(() -> key);
    }

    /** Authenticates with an API key read on every call, for keys that rotate; implies TLS. */
    public Builder apiKey(Supplier<String> apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      this.tls = true;
      return this;
    }

    /**
     * Uses an existing connection (for example to an in-process test server) instead of opening
     * one; the worker does not close it. The connection settings above are then ignored.
     */
    public Builder serviceStubs(WorkflowServiceStubs stubs) {
      this.stubs = Objects.requireNonNull(stubs, "stubs");
      return this;
    }

    /** Uses an existing client, with its namespace; the worker does not close its connection. */
    public Builder client(WorkflowClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** At most this many tasks run at once; the SDK default when not set. */
    public Builder maxConcurrentTasks(int maxConcurrentTasks) {
      if (maxConcurrentTasks < 1) {
        throw new IllegalArgumentException("maxConcurrentTasks must be 1 or more");
      }
      this.maxConcurrentTasks = maxConcurrentTasks;
      return this;
    }

    /** How long {@link TaskWorker#close()} lets running tasks finish; 30 seconds by default. */
    public Builder shutdownGracePeriod(Duration gracePeriod) {
      Objects.requireNonNull(gracePeriod, "gracePeriod");
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("The shutdown grace period must not be negative");
      }
      this.shutdownGracePeriod = gracePeriod;
      return this;
    }

    /** The mapper for task inputs and outputs. */
    public Builder objectMapper(ObjectMapper objectMapper) {
      dispatcher.objectMapper(objectMapper);
      return this;
    }

    /** Registers the {@link AslTask} methods of these objects. */
    public Builder register(Object... taskObjects) {
      dispatcher.register(taskObjects);
      return this;
    }

    /** Registers a task implemented by a handler. */
    public <I> Builder task(String name, Class<I> inputType, TaskHandler<? super I, ?> handler) {
      dispatcher.task(name, inputType, handler);
      return this;
    }

    /** Registers a task implemented by a handler, with a generic input type. */
    public <I> Builder task(
        String name, TypeReference<I> inputType, TaskHandler<? super I, ?> handler) {
      dispatcher.task(name, inputType, handler);
      return this;
    }

    /**
     * Applies the connection settings in the environment variables of the Temporal CLI: {@code
     * TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, {@code TEMPORAL_TLS}
     * ({@code true} to enable), {@code TEMPORAL_TLS_CERT} and {@code TEMPORAL_TLS_KEY} (client
     * certificate and key files), {@code TEMPORAL_TLS_CA} (trusted CA file); and {@code
     * STATECRAFT_TASK_QUEUE} for the task queue. Unset variables leave the current setting.
     *
     * @throws IllegalArgumentException when only one of the certificate and key is set
     */
    public Builder environment(Map<String, String> env) {
      Objects.requireNonNull(env, "env");
      String address = blankToNull(env.get("TEMPORAL_ADDRESS"));
      if (address != null) {
        target(address);
      }
      String ns = blankToNull(env.get("TEMPORAL_NAMESPACE"));
      if (ns != null) {
        namespace(ns);
      }
      String queue = blankToNull(env.get("STATECRAFT_TASK_QUEUE"));
      if (queue != null) {
        taskQueue(queue);
      }
      String key = blankToNull(env.get("TEMPORAL_API_KEY"));
      if (key != null) {
        apiKey(key);
      }
      if ("true".equalsIgnoreCase(blankToNull(env.get("TEMPORAL_TLS")))) {
        tls();
      }
      String cert = blankToNull(env.get("TEMPORAL_TLS_CERT"));
      String privateKey = blankToNull(env.get("TEMPORAL_TLS_KEY"));
      if ((cert == null) != (privateKey == null)) {
        throw new IllegalArgumentException(
            "TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together (only "
                + (cert == null ? "TEMPORAL_TLS_KEY" : "TEMPORAL_TLS_CERT")
                + " is set)");
      }
      if (cert != null) {
        tlsClientCertificate(Path.of(cert), Path.of(privateKey));
      }
      String ca = blankToNull(env.get("TEMPORAL_TLS_CA"));
      if (ca != null) {
        tlsTrustedCertificates(Path.of(ca));
      }
      return this;
    }

    /**
     * Builds the worker (connecting lazily; nothing is polled before {@link TaskWorker#start()}).
     *
     * @throws IllegalStateException when the task queue is missing or the TLS files cannot be read
     * @throws IllegalArgumentException when the tasks cannot be registered
     */
    public TaskWorker build() {
      if (taskQueue == null) {
        throw new IllegalStateException("A task worker needs a task queue: call taskQueue(...)");
      }
      return new TaskWorker(this, dispatcher.build());
    }

    WorkflowServiceStubsOptions stubsOptions() {
      WorkflowServiceStubsOptions.Builder options =
          WorkflowServiceStubsOptions.newBuilder().setTarget(target);
      if (apiKey != null) {
        options.addApiKey(apiKey::get);
      }
      if (sslContext != null) {
        options.setSslContext(sslContext);
      } else if (clientCertificate != null || trustedCertificates != null) {
        options.setSslContext(buildSslContext());
      } else if (tls) {
        options.setEnableHttps(true);
      }
      return options.build();
    }

    private SslContext buildSslContext() {
      try {
        SimpleSslContextBuilder builder;
        if (clientCertificate != null) {
          try (InputStream cert = Files.newInputStream(clientCertificate);
              InputStream key = Files.newInputStream(clientKey)) {
            builder = SimpleSslContextBuilder.forPKCS8(cert, key);
            if (trustedCertificates != null) {
              builder.setTrustManager(
                  trustManagerFactory(trustedCertificates).getTrustManagers()[0]);
            }
            return builder.build();
          }
        }
        builder = SimpleSslContextBuilder.noKeyOrCertChain();
        builder.setTrustManager(trustManagerFactory(trustedCertificates).getTrustManagers()[0]);
        return builder.build();
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(
            "Cannot set up TLS from "
                + (clientCertificate != null ? clientCertificate + ", " + clientKey : "")
                + (trustedCertificates != null ? " trusted " + trustedCertificates : "")
                + ": "
                + e.getMessage(),
            e);
      }
    }

    private static TrustManagerFactory trustManagerFactory(Path pem)
        throws IOException, GeneralSecurityException {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      try (InputStream in = Files.newInputStream(pem)) {
        Collection<? extends Certificate> certificates =
            CertificateFactory.getInstance("X.509").generateCertificates(in);
        if (certificates.isEmpty()) {
          throw new GeneralSecurityException("no certificate in " + pem);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
          store.setCertificateEntry("ca-" + i++, certificate);
        }
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }
  }
}
