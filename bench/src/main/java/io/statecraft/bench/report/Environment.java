package io.statecraft.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Where and when a run happened: absolute timings mean little without it.
 *
 * @param date when the run started, ISO-8601 in UTC
 * @param command the command line's arguments
 * @param statecraftVersion the version of the benchmarked code
 * @param cores the processors the JVM may use
 * @param cpu the processor model, or {@code unknown}
 * @param jdkVersion the Java runtime version
 * @param jdkVendor the Java runtime vendor
 * @param vm the virtual machine's name and version
 * @param osName the operating system
 * @param osVersion its version
 * @param osArch the architecture
 * @param heapMaxBytes the largest heap the runner's JVM may use
 * @param jvmArgs the runner JVM's arguments (measuring JVMs that it forks inherit them)
 */
public record Environment(
    String date,
    List<String> command,
    String statecraftVersion,
    int cores,
    String cpu,
    String jdkVersion,
    String jdkVendor,
    String vm,
    String osName,
    String osVersion,
    String osArch,
    long heapMaxBytes,
    List<String> jvmArgs) {

  public Environment {
    Objects.requireNonNull(date, "date");
    command = List.copyOf(command);
    jvmArgs = List.copyOf(jvmArgs);
  }

  /** This JVM and machine, now. */
  public static Environment current(List<String> command) {
    String version = Environment.class.getPackage().getImplementationVersion();
    return new Environment(
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        command,
        version == null ? "development build" : version,
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.runtime.version", System.getProperty("java.version")),
        System.getProperty("java.vendor"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory(),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** The processor model from {@code /proc/cpuinfo} where there is one (Linux). */
  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return "unknown";
    }
    try (var lines = Files.lines(cpuinfo)) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unknown";
    }
  }
}
