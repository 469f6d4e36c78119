package io.statecraft.bench.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform's jar ({@code api/target/statecraft.jar}) running as a child process on free
 * loopback ports, with its embedded Temporal server and a temporary data directory: what the HTTP
 * scenarios measure. Always {@link #close() closed}: the process is stopped and its directory
 * removed.
 */
public final class PlatformProcess implements AutoCloseable {

  /** The system property naming another platform jar. */
  public static final String JAR_PROPERTY = "statecraft.bench.platform-jar";

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path dir;
  private final URI base;
  private final double startSeconds;

  private PlatformProcess(Process process, Path dir, URI base, double startSeconds) {
    this.process = process;
    this.dir = dir;
    this.base = base;
    this.startSeconds = startSeconds;
  }

  /**
   * The platform jar: {@value #JAR_PROPERTY} when set, else {@code api/target/statecraft.jar} of
   * the checkout this runner was built in, else relative to the working directory.
   *
   * @throws IllegalStateException naming the build command when there is none
   */
  public static Path jar() {
    String configured = System.getProperty(JAR_PROPERTY);
    List<Path> candidates = new ArrayList<>();
    if (configured != null) {
      candidates.add(Path.of(configured));
    } else {
      try {
        Path self =
            Path.of(
                PlatformProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // bench/target/statecraft-bench.jar or bench/target/classes: the checkout is two up.
        Path checkout = self.getParent() == null ? null : self.getParent().getParent();
        if (checkout != null && checkout.getParent() != null) {
          candidates.add(checkout.getParent().resolve("api/target/statecraft.jar"));
        }
      } catch (java.net.URISyntaxException | RuntimeException e) {
        // Fall back to the working directory.
      }
      candidates.add(Path.of("api", "target", "statecraft.jar"));
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "the platform jar is missing (looked for "
            + candidates
            + "); build it with `mvn -B verify` or `mvn -B package -pl api -am`, or name one with -D"
            + JAR_PROPERTY
            + "=PATH");
  }

  /** Starts the jar on free ports and waits until {@code /actuator/health} is UP. */
  public static PlatformProcess start(Path jar, java.util.function.Consumer<String> log)
      throws IOException, InterruptedException {
    int httpPort = freePort();
    int temporalPort = freePort();
    Path dir = Files.createTempDirectory("statecraft-bench-");
    Path logFile = dir.resolve("statecraft.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-jar",
            jar.toString(),
            "--server.address=127.0.0.1",
            "--server.port=" + httpPort,
            "--statecraft.temporal.embedded.port=" + temporalPort,
            "--statecraft.data-dir=" + dir.resolve("data"));
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    URI base = URI.create("http://127.0.0.1:" + httpPort + "/");
    PlatformProcess platform = new PlatformProcess(process, dir, base, 0);
    try {
      awaitHealthy(process, base, logFile);
    } catch (IOException | InterruptedException | RuntimeException e) {
      platform.close();
      throw e;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    log.accept(
        "platform: "
            + jar.getFileName()
            + " healthy on "
            + base
            + " after "
            + Math.round(seconds * 10) / 10.0
            + " s");
    return new PlatformProcess(process, dir, base, seconds);
  }

  private static void awaitHealthy(Process process, URI base, Path logFile)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(base.resolve("/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the platform exited with status "
                + process.exitValue()
                + " before it was healthy; its log ends with:\n"
                + tail(logFile));
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the platform is not healthy after "
            + HEALTH_TIMEOUT.toSeconds()
            + " s; its log ends with:\n"
            + tail(logFile));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The platform's base URL, {@code http://127.0.0.1:<port>/}. */
  public URI base() {
    return base;
  }

  /** Seconds from launch to healthy. */
  public double startSeconds() {
    return startSeconds;
  }

  /** The process id, to find it in a profiler. */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
