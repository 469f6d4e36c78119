package io.statecraft.api.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the deployment files at the repository root: docker-compose.yml and ops/. */
final class DeploymentFiles {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}");

  private DeploymentFiles() {}

  /** The repository root: the nearest directory above the working one holding ops/. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("ops")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no directory above " + Path.of("").toAbsolutePath() + " holds ops/ and pom.xml");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One YAML document, with anchors and merge keys resolved, as maps and lists. */
  static Map<String, Object> yaml(Path file) {
    Object loaded = yaml().load(read(file));
    if (!(loaded instanceof Map<?, ?>)) {
      throw new AssertionError(file + " is not a YAML mapping");
    }
    return cast(loaded);
  }

  /** Every non-empty document of a multi-document YAML file. */
  static List<Map<String, Object>> yamlDocuments(Path file) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(read(file))) {
      if (document == null) {
        continue;
      }
      if (!(document instanceof Map<?, ?>)) {
        throw new AssertionError(file + " has a document that is not a mapping");
      }
      documents.add(cast(document));
    }
    return documents;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  /**
   * Compose's variable interpolation without an environment: {@code ${NAME:-default}} and {@code
   * ${NAME-default}} give their default; a variable without one is an error, because the file must
   * work without a {@code .env}.
   */
  static String interpolate(String value) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      if (matcher.group(2) == null) {
        throw new AssertionError("${" + matcher.group(1) + "} has no default in: " + value);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(3)));
    }
    matcher.appendTail(out);
    return out.toString().replace("$$", "$");
  }

  @SuppressWarnings("unchecked")
  static <T> T cast(Object value) {
    return (T) value;
  }

  static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError(key + " is not a mapping: " + value);
    }
    return cast(value);
  }

  static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?>)) {
      throw new AssertionError(key + " is not a list: " + value);
    }
    return cast(value);
  }
}
