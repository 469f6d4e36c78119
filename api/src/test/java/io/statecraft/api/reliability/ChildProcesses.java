package io.statecraft.api.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVMs a cross-process test starts: each logs to a file under the test's directory, and every
 * one still alive is killed when the test ends, or when the test JVM itself goes down.
 */
final class ChildProcesses implements AutoCloseable {

  /** One started JVM. */
  record Child(String name, Process process, Path log) {

    /** The last {@code lines} lines of its log. */
    String tail(int lines) {
      try {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
      } catch (IOException | UncheckedIOException e) {
        return "(log unreadable: " + e.getMessage() + ")";
      }
    }

    /** SIGKILL, and wait for it to be gone. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private final Path dir;
  private final String java = ProcessHandle.current().info().command().orElseThrow();
  private final List<Child> children = new ArrayList<>();
  private final Thread hook = new Thread(this::killAll, "kill-child-processes");

  ChildProcesses(Path dir) {
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts {@code java <jvmArgs...>} with its output in {@code <dir>/<name>.log}. */
  synchronized Child start(String name, List<String> jvmArgs) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.addAll(jvmArgs);
    Path log = dir.resolve(name + ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .directory(dir.toFile())
              .start();
      Child child = new Child(name, process, log);
      children.add(child);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  /** The tails of every child's log, for a failure message. */
  synchronized String tails(int lines) {
    StringBuilder out = new StringBuilder();
    for (Child child : children) {
      out.append("\n===== ")
          .append(child.name())
          .append(" (")
          .append(child.process().isAlive() ? "alive" : "exit " + child.process().exitValue())
          .append(", ")
          .append(child.log())
          .append(") =====\n")
          .append(child.tail(lines))
          .append('\n');
    }
    return out.toString();
  }

  /** A TCP port free on loopback now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to {@code timeout} for the process to end on its own; its exit value, or null. */
  static Integer awaitExit(Child child, Duration timeout) throws InterruptedException {
    return child.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? child.process().exitValue()
        : null;
  }

  private synchronized void killAll() {
    for (Child child : children) {
      child.process().descendants().forEach(ProcessHandle::destroyForcibly);
      child.process().destroyForcibly();
    }
    for (Child child : children) {
      try {
        child.process().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs anyway.
    }
  }
}
