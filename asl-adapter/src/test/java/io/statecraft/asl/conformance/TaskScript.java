package io.statecraft.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scripted answers of one Task resource in a conformance case ({@code "tasks"}, this project's
 * extension of the corpus format): the n-th call gets the n-th answer and the last one repeats. Any
 * engine can play a script, so the same case runs in memory and on Temporal.
 */
public final class TaskScript {

  /**
   * One answer.
   *
   * @param output the result to return, or {@code null} to return the task's input (also when
   *     {@code echo} is set)
   * @param error the error to fail with, or {@code null}
   * @param cause the cause of that error, or {@code null}
   * @param sleepSeconds how much (virtual) time passes before the answer, to exercise timeouts
   */
  public record Answer(JsonNode output, String error, String cause, long sleepSeconds) {
    public boolean fails() {
      return error != null;
    }
  }

  private final String resource;
  private final List<Answer> answers;
  private int calls;

  private TaskScript(String resource, List<Answer> answers) {
    this.resource = resource;
    this.answers = List.copyOf(answers);
  }

  /** Every script of a case, by resource, in the order the case lists them. */
  public static Map<String, TaskScript> of(ConformanceCase c) {
    Map<String, TaskScript> scripts = new LinkedHashMap<>();
    if (c.tasks() != null) {
      for (Map.Entry<String, JsonNode> e : c.tasks().properties()) {
        scripts.put(e.getKey(), parse(e.getKey(), e.getValue()));
      }
    }
    return scripts;
  }

  static TaskScript parse(String resource, JsonNode script) {
    Objects.requireNonNull(resource, "resource");
    List<JsonNode> raw = new ArrayList<>();
    if (script.isArray()) {
      script.forEach(raw::add);
    } else {
      raw.add(script);
    }
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("the script of '" + resource + "' has no answer");
    }
    List<Answer> answers = new ArrayList<>();
    for (JsonNode a : raw) {
      boolean echo = a.path("echo").asBoolean(false);
      answers.add(
          new Answer(
              echo || !a.has("output") ? null : a.get("output"),
              a.hasNonNull("error") ? a.get("error").asText() : null,
              a.hasNonNull("cause") ? a.get("cause").asText() : null,
              a.path("sleepSeconds").asLong(0)));
    }
    return new TaskScript(resource, answers);
  }

  public String resource() {
    return resource;
  }

  /** The answer to the next call. */
  public synchronized Answer next() {
    Answer answer = answers.get(Math.min(calls, answers.size() - 1));
    calls++;
    return answer;
  }
}
