package io.statecraft.asl.dataflow;

/**
 * Renders a JSONPath in the bracket-normalised form AWS quotes in its error causes, for example
 * {@code $.a.b[0]} as {@code $['a']['b'][0]}.
 */
final class PathTexts {

  private PathTexts() {}

  static String normalized(String path) {
    if (path == null || path.isEmpty()) {
      return path;
    }
    int i;
    StringBuilder out = new StringBuilder();
    if (path.startsWith("$$")) {
      out.append("$$");
      i = 2;
    } else if (path.startsWith("$")) {
      int end = 1;
      while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      out.append(path, 0, end);
      i = end;
    } else {
      return path;
    }
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        if (i + 1 < n && path.charAt(i + 1) == '.') {
          return path; // deep scan: leave as written
        }
        int end = i + 1;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(i + 1, end);
        if (name.equals("*")) {
          out.append("[*]");
        } else {
          out.append("['").append(name).append("']");
        }
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          return path;
        }
        String inner = path.substring(i + 1, end).trim();
        if (inner.startsWith("\"") && inner.endsWith("\"") && inner.length() >= 2) {
          out.append("['").append(inner, 1, inner.length() - 1).append("']");
        } else {
          out.append('[').append(inner).append(']');
        }
        i = end + 1;
      } else {
        return path;
      }
    }
    return out.toString();
  }
}
