package io.statecraft.activities.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Applies each side effect once per idempotency key, and remembers its result: the pattern {@link
 * io.statecraft.activities.TaskContext#idempotencyKey()} is designed for.
 *
 * <p>The first call for a key runs the effect and records its result; every later call for that key
 * returns the recorded result without running anything. A call that arrives while the first is
 * still running waits for it. An effect that throws records nothing, so that a retry can apply it.
 * Thread-safe.
 *
 * <p>A ledger made with {@link #inMemory()} lives as long as the process. One opened with {@link
 * #open(Path, ObjectMapper)} also keeps a journal: an append-only file of JSON lines, read back
 * when the ledger is opened, so that a worker started after a crash still knows every effect
 * applied before it. Each line is one of
 *
 * <pre>{@code
 * {"applied":"payment.charge","key":"<idempotency key>","result":{...}}
 * {"repeated":"payment.charge","key":"<idempotency key>"}
 * }</pre>
 *
 * An {@code applied} line is written and forced to the device before the effect's result is
 * returned, so an effect reported as applied is on disk. A {@code repeated} line records a request
 * answered from the ledger (a retry, or a worker's second run of a task whose first run died before
 * reporting); it is informational and not forced. A line cut short by a crash while it was written
 * can only be the last one, and belonged to an effect never reported: it is dropped when the
 * journal is opened. One process writes a journal at a time.
 */
public final class EffectLedger implements AutoCloseable {

  private final Map<String, CompletableFuture<Object>> effects = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Journal journal;

  /** An in-memory ledger. */
  public EffectLedger() {
    this.journal = null;
  }

  private EffectLedger(Journal journal) {
    this.journal = journal;
  }

  /** A ledger that lives as long as the process. */
  public static EffectLedger inMemory() {
    return new EffectLedger();
  }

  /**
   * Opens the ledger journaled in {@code file}, creating the file and its directory if missing, and
   * reads back every effect it records.
   *
   * @param mapper converts results to the journal's JSON and back to the types callers ask for
   * @throws UncheckedIOException when the file cannot be read or written
   * @throws IllegalStateException naming the line when the journal is corrupt before its last line
   */
  public static EffectLedger open(Path file, ObjectMapper mapper) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mapper, "mapper");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      List<String> lines = Files.exists(file) ? readComplete(file, mapper) : List.of();
      EffectLedger ledger = new EffectLedger(new Journal(file, mapper));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        JsonNode entry;
        try {
          entry = mapper.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(
              "Effect journal "
                  + file
                  + ", line "
                  + (i + 1)
                  + ": not JSON ("
                  + e.getMessage()
                  + ")",
              e);
        }
        ledger.replay(file, i + 1, entry);
      }
      return ledger;
    } catch (IOException e) {
      throw new UncheckedIOException("Effect journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The journal's complete lines. A last line without its newline was cut short by a crash while it
   * was written (its effect was never reported): it is cut off the file, so that the next line
   * starts on a line of its own.
   */
  private static List<String> readComplete(Path file, ObjectMapper mapper) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(end);
        channel.force(true);
      }
    }
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private void replay(Path file, int lineNumber, JsonNode entry) {
    JsonNode applied = entry.get("applied");
    JsonNode repeated = entry.get("repeated");
    JsonNode key = entry.get("key");
    if (key == null || !key.isTextual() || (applied == null) == (repeated == null)) {
      throw new IllegalStateException(
          "Effect journal "
              + file
              + ", line "
              + lineNumber
              + ": expected {\"applied\" or \"repeated\": effect, \"key\": key}");
    }
    String id = id((applied != null ? applied : repeated).asText(), key.asText());
    requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    if (applied != null) {
      JsonNode result = entry.get("result");
      effects.putIfAbsent(id, CompletableFuture.completedFuture(result == null ? null : result));
    }
  }

  /** The journal file, when this ledger keeps one. */
  public Optional<Path> journalFile() {
    return journal == null ? Optional.empty() : Optional.of(journal.file);
  }

  /**
   * Applies {@code action} unless the effect was already applied under {@code key}.
   *
   * @param effect the kind of effect, for example {@code payment.charge}
   * @param key the idempotency key
   * @return the result of the one application
   */
  public <T> T applyOnce(String effect, String key, Class<T> type, Supplier<? extends T> action) {
    Objects.requireNonNull(action, "action");
    String id = id(effect, key);
    requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    while (true) {
      CompletableFuture<Object> mine = new CompletableFuture<>();
      CompletableFuture<Object> existing = effects.putIfAbsent(id, mine);
      if (existing == null) {
        try {
          T value = action.get();
          if (journal != null) {
            journal.applied(effect, key, value);
          }
          mine.complete(value);
          return value;
        } catch (RuntimeException | Error e) {
          effects.remove(id, mine);
          mine.completeExceptionally(e);
          throw e;
        }
      }
      try {
        Object value = existing.join();
        if (journal != null) {
          journal.repeated(effect, key);
        }
        return value == null || type.isInstance(value)
            ? type.cast(value)
            : journal.convert((JsonNode) value, type);
      } catch (CompletionException e) {
        // The first attempt failed and recorded nothing; try to apply it here instead.
      }
    }
  }

  /** Whether the effect was applied under the key. */
  public boolean isApplied(String effect, String key) {
    CompletableFuture<Object> future = effects.get(id(effect, key));
    return future != null && future.isDone() && !future.isCompletedExceptionally();
  }

  /** How many times the effect was requested under the key, applied or not. */
  public int requestCount(String effect, String key) {
    AtomicInteger count = requests.get(id(effect, key));
    return count == null ? 0 : count.get();
  }

  /** The keys under which the effect was applied, sorted. */
  public Set<String> appliedKeys(String effect) {
    String prefix = effect + '\u0000';
    Set<String> keys = new TreeSet<>();
    effects.forEach(
        (id, future) -> {
          if (id.startsWith(prefix) && future.isDone() && !future.isCompletedExceptionally()) {
            keys.add(id.substring(prefix.length()));
          }
        });
    return keys;
  }

  private static String id(String effect, String key) {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(key, "key");
    return effect + '\u0000' + key;
  }

  /** Closes the journal, if any. */
  @Override
  public void close() {
    if (journal != null) {
      journal.close();
    }
  }

  /** The append-only file behind a durable ledger. */
  private static final class Journal {

    private final Path file;
    private final ObjectMapper mapper;
    private final FileChannel channel;

    Journal(Path file, ObjectMapper mapper) throws IOException {
      this.file = file;
      this.mapper = mapper;
      this.channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    void applied(String effect, String key, Object result) {
      ObjectNode line = mapper.createObjectNode();
      line.put("applied", effect);
      line.put("key", key);
      line.set("result", mapper.valueToTree(result));
      write(line, true);
    }

    void repeated(String effect, String key) {
      ObjectNode line = mapper.createObjectNode();
      line.put("repeated", effect);
      line.put("key", key);
      write(line, false);
    }

    <T> T convert(JsonNode value, Class<T> type) {
      try {
        return mapper.treeToValue(value, type);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "Effect journal " + file + ": a recorded result is not a " + type.getSimpleName(), e);
      }
    }

    private synchronized void write(ObjectNode line, boolean force) {
      try {
        ByteBuffer bytes =
            ByteBuffer.wrap(
                (mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        if (force) {
          channel.force(false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Effect journal " + file + ": " + e.getMessage(), e);
      }
    }

    synchronized void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Effect journal " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
