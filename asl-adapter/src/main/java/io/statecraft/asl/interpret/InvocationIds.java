package io.statecraft.asl.interpret;

/**
 * The text form of task invocation ids and scope paths. State names may contain any character, so
 * the six with a meaning in the format are percent-encoded inside names ({@code %} {@code %25},
 * {@code /} {@code %2F}, {@code [} {@code %5B}, {@code ]} {@code %5D}, {@code #} {@code %23},
 * {@code @} {@code %40}); the activities module parses ids back with the same rule.
 */
final class InvocationIds {

  private static final String RESERVED = "%/[]#@";

  private InvocationIds() {}

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

  /** A nested scope: {@code <parent>/<State>[<index>]}. */
  static String scope(String parentPrefix, String stateName, int index) {
    return parentPrefix + escape(stateName) + "[" + index + "]";
  }

  /**
   * {@code <scope>/<State>#<visit>}, with {@code @<n>} for the interpreter's n-th attempt from the
   * second on ({@code @2} is the first retry).
   */
  static String invocation(String scopePrefix, String stateName, int visit, int retryCount) {
    return scopePrefix
        + escape(stateName)
        + "#"
        + visit
        + (retryCount > 0 ? "@" + (retryCount + 1) : "");
  }
}
