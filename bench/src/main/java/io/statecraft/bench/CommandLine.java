package io.statecraft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runner's arguments.
 *
 * @param action what to do
 * @param mode quick or full (for {@link Action#RUN})
 * @param out where to write the report (for {@link Action#RUN}); {@code null} for the default
 * @param check the report to check (for {@link Action#CHECK})
 * @param verbose whether to show the measuring tools' own output
 * @param scenarios the scenarios named, or all of them when none is
 */
record CommandLine(
    Action action, Mode mode, Path out, Path check, boolean verbose, List<Scenario> scenarios) {

  /** What the runner is asked to do. */
  enum Action {
    RUN,
    CHECK,
    LIST,
    HELP
  }

  static final String USAGE =
      """
      usage: java -jar bench/target/statecraft-bench.jar [--quick | --full] [--out FILE] [--verbose] [scenario...]
             java -jar bench/target/statecraft-bench.jar --check FILE [scenario...]
             java -jar bench/target/statecraft-bench.jar --list | --help

        Runs the named scenarios (all of them when none is named), prints a table of their figures
        and writes the report as JSON.

        --quick        a smoke run: fewer forks, iterations and items (all scenarios in under 2 minutes)
        --full         the run the README's figures come from (the default)
        --out FILE     where to write the report (default: bench/target/bench-report.json, beside the jar)
        --verbose      show the measuring tools' own output, such as JMH's iterations
        --check FILE   run nothing: check that FILE is a well-formed report holding every figure of
                       the named scenarios (all when none is named); exit status 1 if not
        --list         list the scenarios and the figures each reports
        --help         show this text

      exit status: 0 done, 1 a scenario failed or the check found problems, 2 bad command line
      """;

  static CommandLine parse(List<String> args, List<Scenario> known) throws UsageException {
    Action action = Action.RUN;
    Mode mode = null;
    Path out = null;
    Path check = null;
    boolean verbose = false;
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String value = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
        arg = arg.substring(0, arg.indexOf('='));
      }
      switch (arg) {
        case "--quick", "--full" -> {
          noValue(arg, value);
          Mode m = arg.equals("--quick") ? Mode.QUICK : Mode.FULL;
          if (mode != null && mode != m) {
            throw new UsageException("--quick and --full cannot be used together");
          }
          mode = m;
        }
        case "--verbose" -> {
          noValue(arg, value);
          verbose = true;
        }
        case "--out", "--check" -> {
          if (value == null) {
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) {
              throw new UsageException(arg + " needs a file name after it");
            }
            value = args.get(++i);
          }
          if (value.isBlank()) {
            throw new UsageException(arg + " needs a file name after it");
          }
          Path path;
          try {
            path = Path.of(value);
          } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(arg + ": '" + value + "' is not a valid file name");
          }
          if (arg.equals("--out")) {
            if (out != null) {
              throw new UsageException("--out is given twice");
            }
            out = path;
          } else {
            if (check != null) {
              throw new UsageException("--check is given twice");
            }
            check = path;
            action = switchTo(action, Action.CHECK, "--check");
          }
        }
        case "--list" -> {
          noValue(arg, value);
          action = switchTo(action, Action.LIST, "--list");
        }
        case "--help", "-h" -> {
          noValue(arg, value);
          action = switchTo(action, Action.HELP, arg);
        }
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option '" + args.get(i) + "'");
          }
          String name = arg;
          if (known.stream().noneMatch(s -> s.name().equals(name))) {
            throw new UsageException(
                "unknown scenario '"
                    + name
                    + "'; the scenarios are: "
                    + known.stream().map(Scenario::name).collect(Collectors.joining(", ")));
          }
          names.add(name);
        }
      }
    }
    if (action == Action.CHECK && (mode != null || out != null || verbose)) {
      throw new UsageException(
          "--check runs nothing: it cannot be combined with --quick, --full, --out or --verbose");
    }
    if ((action == Action.LIST || action == Action.HELP)
        && (mode != null || out != null || verbose || !names.isEmpty())) {
      throw new UsageException("--list and --help take nothing else");
    }
    List<Scenario> scenarios = new ArrayList<>();
    if (names.isEmpty()) {
      scenarios.addAll(known);
    } else {
      // Run in registration order, whatever order they were named in.
      known.stream().filter(s -> names.contains(s.name())).forEach(scenarios::add);
    }
    return new CommandLine(
        action, mode == null ? Mode.FULL : mode, out, check, verbose, List.copyOf(scenarios));
  }

  private static void noValue(String option, String value) throws UsageException {
    if (value != null) {
      throw new UsageException(option + " takes no value");
    }
  }

  private static Action switchTo(Action current, Action next, String option) throws UsageException {
    if (current != Action.RUN && current != next) {
      throw new UsageException(option + " cannot be combined with --check, --list or --help");
    }
    return next;
  }
}
