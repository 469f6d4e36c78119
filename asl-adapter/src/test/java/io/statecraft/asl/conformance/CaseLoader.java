package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads conformance case files ({@code *.json}) from a directory, in file-name order. */
public final class CaseLoader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CaseLoader() {}

  /** Whether the directory exists and holds at least one case file. */
  public static boolean hasCases(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<ConformanceCase> load(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    List<ConformanceCase> cases = new ArrayList<>(files.size());
    for (Path file : files) {
      cases.add(read(file));
    }
    return cases;
  }

  public static ConformanceCase read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the case " + file, e);
    }
    String id = root.path("id").asText(null);
    if (id == null || !root.has("definition") || !root.has("expected")) {
      throw new IllegalArgumentException(
          "the case file " + file + " needs an id, a definition and an expected result");
    }
    List<String> features = new ArrayList<>();
    root.path("features").forEach(f -> features.add(f.asText()));
    List<String> pointers = new ArrayList<>();
    root.path("nondeterministic").forEach(p -> pointers.add(p.asText()));
    return new ConformanceCase(
        id,
        file.getFileName().toString(),
        features,
        root.get("definition"),
        root.has("input") ? root.get("input") : MAPPER.nullNode(),
        root.get("expected"),
        pointers,
        root.has("tasks") ? root.get("tasks") : null);
  }
}
