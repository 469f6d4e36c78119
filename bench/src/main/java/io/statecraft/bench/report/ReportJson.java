package io.statecraft.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link Report}: writing it, and checking that a file has its shape.
 *
 * <p>The layout (schema version {@value Report#SCHEMA_VERSION}):
 *
 * <pre>
 * {
 *   "schema_version": 1,
 *   "mode": "quick" | "full",
 *   "environment": { "date", "command", "statecraft_version", "cores", "cpu",
 *                    "jdk": {"version", "vendor", "vm"}, "os": {"name", "version", "arch"},
 *                    "heap_max_bytes", "jvm_args" },
 *   "scenarios": {
 *     "&lt;scenario&gt;": {
 *       "description", "duration_seconds", "parameters": {...},
 *       "figures": {
 *         "&lt;scenario&gt;.&lt;subject&gt;.&lt;measure&gt;": {
 *           "value", "unit", &lt;statistics: "median", "p99", ...&gt;,
 *           "target"?, "target_op"?, "meets_target"?, "description"
 *         }
 *       },
 *       "notes": ["..."]
 *     }
 *   }
 * }
 * </pre>
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final Set<String> MODES = Set.of("quick", "full");

  private ReportJson() {}

  /** The report as JSON. */
  public static ObjectNode toJson(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", Report.SCHEMA_VERSION);
    root.put("mode", report.mode());
    root.set("environment", environment(report.environment()));
    ObjectNode scenarios = root.putObject("scenarios");
    for (ScenarioReport s : report.scenarios()) {
      scenarios.set(s.name(), scenario(s));
    }
    return root;
  }

  /** Writes the report, creating the file's directory if needed. */
  public static void write(Report report, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.writeString(file, MAPPER.writeValueAsString(toJson(report)) + "\n");
  }

  /** Reads a report file as JSON; its shape is checked by {@link #problems}. */
  public static JsonNode read(Path file) throws IOException {
    return MAPPER.readTree(file.toFile());
  }

  private static ObjectNode environment(Environment e) {
    ObjectNode env = MAPPER.createObjectNode();
    env.put("date", e.date());
    ArrayNode command = env.putArray("command");
    e.command().forEach(command::add);
    env.put("statecraft_version", e.statecraftVersion());
    env.put("cores", e.cores());
    env.put("cpu", e.cpu());
    ObjectNode jdk = env.putObject("jdk");
    jdk.put("version", e.jdkVersion());
    jdk.put("vendor", e.jdkVendor());
    jdk.put("vm", e.vm());
    ObjectNode os = env.putObject("os");
    os.put("name", e.osName());
    os.put("version", e.osVersion());
    os.put("arch", e.osArch());
    env.put("heap_max_bytes", e.heapMaxBytes());
    ArrayNode args = env.putArray("jvm_args");
    e.jvmArgs().forEach(args::add);
    return env;
  }

  private static ObjectNode scenario(ScenarioReport s) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("description", s.description());
    node.put("duration_seconds", Math.round(s.durationSeconds() * 10) / 10.0);
    node.set("parameters", MAPPER.valueToTree(s.parameters()));
    ObjectNode figures = node.putObject("figures");
    for (Figure f : s.figures()) {
      figures.set(f.name(), figure(f));
    }
    ArrayNode notes = node.putArray("notes");
    s.notes().forEach(notes::add);
    return node;
  }

  private static ObjectNode figure(Figure f) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("value", f.value());
    node.put("unit", f.unit());
    for (Map.Entry<String, Number> e : f.stats().entrySet()) {
      node.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
    }
    if (f.target() != null) {
      node.put("target", f.target().value());
      node.put("target_op", f.target().op().symbol());
      node.put("meets_target", f.meetsTarget());
    }
    node.put("description", f.description());
    return node;
  }

  // ---------------------------------------------------------------- the shape check

  /**
   * Everything wrong with the shape of a report, each naming where it is (a JSON pointer); empty
   * when it has the layout above. Says nothing about the figures' values beyond their being
   * numbers, and a {@code meets_target} that contradicts the value and target.
   */
  public static List<String> problems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    if (!root.isObject()) {
      problems.add("/: the report is not a JSON object");
      return problems;
    }
    if (!root.path("schema_version").isInt()
        || root.path("schema_version").intValue() != Report.SCHEMA_VERSION) {
      problems.add(
          "/schema_version: expected "
              + Report.SCHEMA_VERSION
              + ", found "
              + describe(root.get("schema_version")));
    }
    if (!root.path("mode").isTextual() || !MODES.contains(root.path("mode").textValue())) {
      problems.add("/mode: expected \"quick\" or \"full\", found " + describe(root.get("mode")));
    }
    JsonNode env = root.get("environment");
    if (env == null || !env.isObject()) {
      problems.add("/environment: expected an object, found " + describe(env));
    } else {
      requireText(env, "/environment", "date", problems);
      requireText(env, "/environment", "statecraft_version", problems);
      requireText(env, "/environment", "cpu", problems);
      requireNumber(env, "/environment", "cores", problems);
      requireNumber(env, "/environment", "heap_max_bytes", problems);
      requireArray(env, "/environment", "command", problems);
      requireArray(env, "/environment", "jvm_args", problems);
      for (String[] field :
          new String[][] {{"jdk", "version", "vendor", "vm"}, {"os", "name", "version", "arch"}}) {
        JsonNode sub = env.get(field[0]);
        String at = "/environment/" + field[0];
        if (sub == null || !sub.isObject()) {
          problems.add(at + ": expected an object, found " + describe(sub));
          continue;
        }
        for (int i = 1; i < field.length; i++) {
          requireText(sub, at, field[i], problems);
        }
      }
    }
    JsonNode scenarios = root.get("scenarios");
    if (scenarios == null || !scenarios.isObject()) {
      problems.add("/scenarios: expected an object, found " + describe(scenarios));
      return problems;
    }
    for (Map.Entry<String, JsonNode> e : scenarios.properties()) {
      scenarioProblems(e.getKey(), e.getValue(), problems);
    }
    return problems;
  }

  private static void scenarioProblems(String name, JsonNode s, List<String> problems) {
    String at = "/scenarios/" + pointerEscape(name);
    if (!s.isObject()) {
      problems.add(at + ": expected an object, found " + describe(s));
      return;
    }
    requireText(s, at, "description", problems);
    requireNumber(s, at, "duration_seconds", problems);
    if (!s.path("parameters").isObject()) {
      problems.add(at + "/parameters: expected an object, found " + describe(s.get("parameters")));
    }
    JsonNode notes = s.get("notes");
    if (notes == null || !notes.isArray()) {
      problems.add(at + "/notes: expected an array of strings, found " + describe(notes));
    } else {
      for (int i = 0; i < notes.size(); i++) {
        if (!notes.get(i).isTextual()) {
          problems.add(at + "/notes/" + i + ": expected a string, found " + describe(notes.get(i)));
        }
      }
    }
    JsonNode figures = s.get("figures");
    if (figures == null || !figures.isObject()) {
      problems.add(at + "/figures: expected an object, found " + describe(figures));
      return;
    }
    for (Map.Entry<String, JsonNode> e : figures.properties()) {
      figureProblems(
          name, e.getKey(), e.getValue(), at + "/figures/" + pointerEscape(e.getKey()), problems);
    }
  }

  private static void figureProblems(
      String scenario, String name, JsonNode f, String at, List<String> problems) {
    if (!Figure.NAME.matcher(name).matches() || !name.startsWith(scenario + ".")) {
      problems.add(
          at + ": a figure name is '" + scenario + ".' followed by dotted lower-case words");
    }
    if (!f.isObject()) {
      problems.add(at + ": expected an object, found " + describe(f));
      return;
    }
    requireNumber(f, at, "value", problems);
    requireText(f, at, "unit", problems);
    requireText(f, at, "description", problems);
    for (Map.Entry<String, JsonNode> e : f.properties()) {
      if (!Figure.RESERVED_KEYS.contains(e.getKey()) && !e.getValue().isNumber()) {
        problems.add(
            at
                + "/"
                + pointerEscape(e.getKey())
                + ": a statistic must be a number, found "
                + describe(e.getValue()));
      }
    }
    boolean hasTarget = f.has("target") || f.has("target_op") || f.has("meets_target");
    if (!hasTarget) {
      return;
    }
    requireNumber(f, at, "target", problems);
    if (!f.path("target_op").isTextual()
        || !(f.path("target_op").textValue().equals("<=")
            || f.path("target_op").textValue().equals(">="))) {
      problems.add(
          at + "/target_op: expected \"<=\" or \">=\", found " + describe(f.get("target_op")));
      return;
    }
    if (!f.path("meets_target").isBoolean()) {
      problems.add(
          at + "/meets_target: expected a boolean, found " + describe(f.get("meets_target")));
      return;
    }
    if (f.path("value").isNumber() && f.path("target").isNumber()) {
      Target target =
          new Target(
              Target.Op.ofSymbol(f.get("target_op").textValue()), f.get("target").doubleValue());
      boolean meets = target.isMetBy(f.get("value").doubleValue());
      if (meets != f.get("meets_target").booleanValue()) {
        problems.add(
            at
                + "/meets_target: "
                + f.get("meets_target")
                + " contradicts value "
                + f.get("value")
                + " against target "
                + target);
      }
    }
  }

  private static void requireText(JsonNode node, String at, String field, List<String> problems) {
    if (!node.path(field).isTextual()) {
      problems.add(at + "/" + field + ": expected a string, found " + describe(node.get(field)));
    }
  }

  private static void requireNumber(JsonNode node, String at, String field, List<String> problems) {
    if (!node.path(field).isNumber()) {
      problems.add(at + "/" + field + ": expected a number, found " + describe(node.get(field)));
    }
  }

  private static void requireArray(JsonNode node, String at, String field, List<String> problems) {
    if (!node.path(field).isArray()) {
      problems.add(at + "/" + field + ": expected an array, found " + describe(node.get(field)));
    }
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
  }

  private static String pointerEscape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
