package io.statecraft.asl.expr.jsonpath;

import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a path into its root ({@code $}, {@code $$} or {@code $name}) and the rest, and parses the
 * rest into {@link Step}s when it is a reference path. Anything else (wildcards, slices, unions,
 * filters, deep scans, functions) is left to Jayway.
 */
final class PathSyntax {

  /** The parsed form of a path. */
  record Parsed(
      PathExpr.Root root,
      String variable,
      String rest,
      List<Step> steps // null when the rest is not a plain reference path
      ) {}

  /**
   * A path {@code <reference path>[*]<member names>}, such as {@code $.items[*].sku}.
   *
   * @param prefix the steps before {@code [*]}
   * @param members the member names after it, in order
   */
  record Projection(Step[] prefix, String[] members) {}

  private PathSyntax() {}

  /**
   * The projection {@code rest} (the path after its root) is, or {@code null} when it is not one:
   * exactly one {@code [*]}, a reference path before it and only member names after it.
   */
  static Projection projection(String text, String rest) {
    int star = rest.indexOf("[*]");
    if (star < 0 || rest.indexOf("[*]", star + 1) >= 0) {
      return null;
    }
    List<Step> prefix;
    List<Step> suffix;
    try {
      // A [*] inside a quoted name leaves a quote open on one side, which does not parse.
      prefix = steps(text, rest.substring(0, star));
      suffix = steps(text, rest.substring(star + 3));
    } catch (ExpressionException e) {
      return null;
    }
    if (prefix == null || suffix == null) {
      return null;
    }
    String[] members = new String[suffix.size()];
    for (int i = 0; i < members.length; i++) {
      if (!(suffix.get(i) instanceof Step.Field f)) {
        return null;
      }
      members[i] = f.name();
    }
    return new Projection(prefix.toArray(Step[]::new), members);
  }

  static Parsed parse(String text) throws ExpressionException {
    if (text == null || text.isEmpty()) {
      throw invalid(text, "a path must not be empty");
    }
    if (text.charAt(0) != '$') {
      throw invalid(text, "a path must start with '$'");
    }
    PathExpr.Root root;
    String variable = null;
    int restStart;
    if (text.startsWith("$$")) {
      root = PathExpr.Root.CONTEXT;
      restStart = 2;
    } else if (text.length() > 1 && isVariableStart(text.codePointAt(1))) {
      root = PathExpr.Root.VARIABLE;
      int end = 1;
      while (end < text.length() && isVariablePart(text.codePointAt(end))) {
        end += Character.charCount(text.codePointAt(end));
      }
      variable = text.substring(1, end);
      restStart = end;
    } else {
      root = PathExpr.Root.INPUT;
      restStart = 1;
    }
    String rest = text.substring(restStart);
    if (!rest.isEmpty() && rest.charAt(0) != '.' && rest.charAt(0) != '[') {
      throw invalid(
          text,
          root == PathExpr.Root.VARIABLE
              ? "a variable name may hold only letters, digits and '_'; '"
                  + rest.charAt(0)
                  + "' follows '$"
                  + variable
                  + "'"
              : "expected '.' or '[' after '" + text.substring(0, restStart) + "'");
    }
    return new Parsed(root, variable, rest, steps(text, rest));
  }

  /** Variable names start with a letter or '_' and go on with letters, digits and '_'. */
  private static boolean isVariableStart(int cp) {
    return Character.isLetter(cp) || cp == '_';
  }

  private static boolean isVariablePart(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_';
  }

  /** The steps of a plain reference path, or null when Jayway must evaluate it. */
  private static List<Step> steps(String text, String rest) throws ExpressionException {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = rest.length();
    while (i < n) {
      char c = rest.charAt(i);
      if (c == '.') {
        if (i + 1 >= n) {
          throw invalid(text, "a path must not end with '.'");
        }
        char next = rest.charAt(i + 1);
        if (next == '.' || next == '*') {
          return null; // deep scan or wildcard
        }
        int end = i + 1;
        while (end < n && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
          char ch = rest.charAt(end);
          if (ch == '('
              || ch == ')'
              || ch == '*'
              || ch == '?'
              || ch == '@'
              || ch == ']'
              || ch == '\''
              || ch == '"'
              || Character.isWhitespace(ch)) {
            return null; // a function call, or something only Jayway can judge
          }
          end++;
        }
        if (end == i + 1) {
          throw invalid(text, "empty member name after '.'");
        }
        steps.add(new Step.Field(rest.substring(i + 1, end)));
        i = end;
      } else if (c == '[') {
        int j = i + 1;
        if (j >= n) {
          throw invalid(text, "'[' is not closed");
        }
        char open = rest.charAt(j);
        if (open == '\'' || open == '"') {
          StringBuilder name = new StringBuilder();
          int k = j + 1;
          boolean closed = false;
          while (k < n) {
            char ch = rest.charAt(k);
            // Inside quotes a backslash escapes only the quote and itself; any other backslash is
            // part of the name. Recorded against AWS: $['Test\""Name"'] reads the member
            // Test\""Name" (scenarios.test_escape_sequence_parsing[ESCAPE_SEQUENCES_JSONPATH]).
            if (ch == '\\'
                && k + 1 < n
                && (rest.charAt(k + 1) == open || rest.charAt(k + 1) == '\\')) {
              name.append(rest.charAt(k + 1));
              k += 2;
              continue;
            }
            if (ch == open) {
              closed = true;
              k++;
              break;
            }
            name.append(ch);
            k++;
          }
          if (!closed) {
            throw invalid(text, "a quoted member name is not closed");
          }
          if (k >= n || rest.charAt(k) != ']') {
            return null; // a union of names, or an error Jayway will describe
          }
          steps.add(new Step.Field(name.toString()));
          i = k + 1;
        } else if (open == '-' || (open >= '0' && open <= '9')) {
          int k = j + 1;
          while (k < n && rest.charAt(k) >= '0' && rest.charAt(k) <= '9') {
            k++;
          }
          if (k >= n || rest.charAt(k) != ']') {
            return null; // a slice or a union of indexes
          }
          String digits = rest.substring(j, k);
          int index;
          try {
            index = Integer.parseInt(digits);
          } catch (NumberFormatException e) {
            throw invalid(text, "the array index " + digits + " is not a valid integer");
          }
          steps.add(new Step.Index(index));
          i = k + 1;
        } else {
          return null; // [*], [?(...)], [:n] and the like
        }
      } else {
        return null;
      }
    }
    return steps;
  }

  static ExpressionException invalid(String text, String why) {
    return new ExpressionException(
        ExpressionException.Kind.INVALID_PATH, "Invalid JSONPath '" + text + "': " + why);
  }
}
