package io.statecraft.activities;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity of one ASL task invocation, in the one text format the workflows module writes and
 * every task reads back.
 *
 * <p>Format: {@code <scope path><StateName>#<visit>} optionally followed by {@code @<attempt>}.
 *
 * <ul>
 *   <li>The scope path is empty at the top level, or a sequence of {@code <MapState>[<index>]/} and
 *       {@code <ParallelState>[<branch>]/} segments for nested scopes. Indexes are zero-based, like
 *       {@code $$.Map.Item.Index}.
 *   <li>{@code <visit>} counts entries into that state within its scope, starting at 1.
 *   <li>{@code @<attempt>} is present only when the interpreter (not Temporal) retries the state:
 *       the first attempt is written without it, the first interpreter retry as {@code @2}.
 * </ul>
 *
 * <p>Examples: {@code ValidateOrder#1}, {@code ProcessItems[3]/Charge#1@2}.
 *
 * <p>ASL state names may contain any character. So that every id parses back to exactly the names
 * that built it, the six characters with a meaning in the format are percent-encoded inside names:
 * {@code %} as {@code %25}, {@code /} as {@code %2F}, {@code [} as {@code %5B}, {@code ]} as {@code
 * %5D}, {@code #} as {@code %23} and {@code @} as {@code %40}. Names without them appear unchanged.
 * Every other character, including whitespace and non-ASCII letters, is kept as is. {@link
 * #parse(String)} accepts only this canonical form, so format and parse are exact inverses.
 *
 * @param scope the enclosing Map and Parallel scopes, outermost first
 * @param stateName the Task state's name
 * @param visit the 1-based count of entries into the state within its scope
 * @param attempt the 1-based interpreter attempt; 1 unless the interpreter retried the state
 */
public record ActivityId(List<ScopeSegment> scope, String stateName, int visit, int attempt) {

  /** The attempt number of a state's first run; it is written without an {@code @} suffix. */
  public static final int FIRST_ATTEMPT = 1;

  private static final String RESERVED = "%/[]#@";

  /**
   * One enclosing scope: a Map state and the item index, or a Parallel state and the branch index.
   *
   * @param stateName the Map or Parallel state's name
   * @param index the zero-based item or branch index
   */
  public record ScopeSegment(String stateName, int index) {
    public ScopeSegment {
      requireName(stateName, "scope state name");
      if (index < 0) {
        throw new IllegalArgumentException(
            "Scope index of '" + stateName + "' must be 0 or more, was " + index);
      }
    }

    @Override
    public String toString() {
      return escape(stateName) + "[" + index + "]/";
    }
  }

  public ActivityId {
    scope = List.copyOf(Objects.requireNonNull(scope, "scope"));
    requireName(stateName, "state name");
    if (visit < 1) {
      throw new IllegalArgumentException("Visit must be 1 or more, was " + visit);
    }
    if (attempt < FIRST_ATTEMPT) {
      throw new IllegalArgumentException("Attempt must be 1 or more, was " + attempt);
    }
  }

  /** A top-level state's first attempt. */
  public static ActivityId of(String stateName, int visit) {
    return new ActivityId(List.of(), stateName, visit, FIRST_ATTEMPT);
  }

  /** The same invocation at another interpreter attempt. */
  public ActivityId withAttempt(int newAttempt) {
    return new ActivityId(scope, stateName, visit, newAttempt);
  }

  /** A state's first-attempt id inside the given scope path. */
  public static ActivityId nested(List<ScopeSegment> scope, String stateName, int visit) {
    return new ActivityId(scope, stateName, visit, FIRST_ATTEMPT);
  }

  /** The full id, with the {@code @<attempt>} suffix when the attempt is after the first. */
  public String format() {
    StringBuilder out = new StringBuilder(invocationId());
    if (attempt > FIRST_ATTEMPT) {
      out.append('@').append(attempt);
    }
    return out.toString();
  }

  /**
   * The id without the attempt suffix: it names the invocation (one visit of one state in one
   * scope), whichever attempt is running.
   */
  public String invocationId() {
    return scopePath() + escape(stateName) + '#' + visit;
  }

  /** The formatted scope path, for example {@code ProcessItems[3]/}; empty at the top level. */
  public String scopePath() {
    StringBuilder out = new StringBuilder();
    for (ScopeSegment segment : scope) {
      out.append(segment);
    }
    return out.toString();
  }

  /**
   * The idempotency key of this invocation in the given workflow: {@code
   * <workflowId>/<invocationId()>}. See {@link TaskContext#idempotencyKey()} for why it leaves the
   * attempt out.
   */
  public String idempotencyKey(String workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return workflowId + '/' + invocationId();
  }

  @Override
  public String toString() {
    return format();
  }

  /**
   * Reads an id written by {@link #format()}.
   *
   * @throws IllegalArgumentException naming the problem and its position when the text is not a
   *     canonical id
   */
  public static ActivityId parse(String text) {
    Objects.requireNonNull(text, "text");
    int hash = text.lastIndexOf('#');
    if (hash < 0) {
      throw invalid(text, "it has no '#<visit>'", text.length());
    }
    String tail = text.substring(hash + 1);
    int at = tail.indexOf('@');
    String visitText = at < 0 ? tail : tail.substring(0, at);
    int visit = positive(text, visitText, hash + 1, "visit");
    int attempt = FIRST_ATTEMPT;
    if (at >= 0) {
      int attemptStart = hash + 1 + at + 1;
      attempt = positive(text, tail.substring(at + 1), attemptStart, "attempt");
      if (attempt == FIRST_ATTEMPT) {
        throw invalid(text, "the first attempt is written without '@1'", attemptStart);
      }
    }

    List<ScopeSegment> scope = new ArrayList<>();
    int start = 0;
    int slash;
    while ((slash = text.indexOf('/', start)) >= 0 && slash < hash) {
      scope.add(segment(text, start, slash));
      start = slash + 1;
    }
    String stateName = unescape(text, start, hash);
    return new ActivityId(scope, stateName, visit, attempt);
  }

  /** Like {@link #parse(String)}, but empty instead of an exception for text in another format. */
  public static Optional<ActivityId> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ScopeSegment segment(String text, int start, int end) {
    int open = text.indexOf('[', start);
    if (open < 0 || open >= end) {
      throw invalid(text, "a scope segment must look like <State>[<index>]/", start);
    }
    if (text.charAt(end - 1) != ']') {
      throw invalid(text, "a scope segment must end with ']' before '/'", end - 1);
    }
    String name = unescape(text, start, open);
    String indexText = text.substring(open + 1, end - 1);
    int index;
    if (indexText.equals("0")) {
      index = 0;
    } else {
      index = positive(text, indexText, open + 1, "scope index");
    }
    return new ScopeSegment(name, index);
  }

  private static int positive(String text, String digits, int position, String what) {
    if (digits.isEmpty()) {
      throw invalid(text, "the " + what + " is missing", position);
    }
    if (digits.length() > 9) {
      throw invalid(text, "the " + what + " is too large", position);
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(text, "the " + what + " must be a decimal number", position + i);
      }
    }
    if (digits.charAt(0) == '0') {
      throw invalid(text, "the " + what + " must be 1 or more, without leading zeros", position);
    }
    return Integer.parseInt(digits);
  }

  static String escape(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (RESERVED.indexOf(c) >= 0) {
        if (out == null) {
          out = new StringBuilder(name.length() + 8).append(name, 0, i);
        }
        out.append('%').append(String.format("%02X", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? name : out.toString();
  }

  private static String unescape(String text, int start, int end) {
    if (start == end) {
      throw invalid(text, "a state name is empty", start);
    }
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= end) {
          throw invalid(text, "'%' must be followed by two hex digits", i);
        }
        String hex = text.substring(i + 1, i + 3);
        char decoded =
            switch (hex) {
              case "25" -> '%';
              case "2F" -> '/';
              case "5B" -> '[';
              case "5D" -> ']';
              case "23" -> '#';
              case "40" -> '@';
              default ->
                  throw invalid(text, "'%" + hex + "' is not one of %25 %2F %5B %5D %23 %40", i);
            };
        out.append(decoded);
        i += 2;
      } else if (RESERVED.indexOf(c) >= 0) {
        throw invalid(text, "'" + c + "' inside a state name must be written percent-encoded", i);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void requireName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("The " + what + " must not be empty");
    }
  }

  private static IllegalArgumentException invalid(String text, String reason, int position) {
    return new IllegalArgumentException(
        "Activity id '"
            + text
            + "' is not of the form <scope path><StateName>#<visit>[@<attempt>]: "
            + reason
            + " (at index "
            + position
            + ")");
  }
}
