package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses intrinsic function calls: {@code States.Name(arg, ...)} where an argument is a string in
 * single quotes (with the escapes {@code \'}, {@code \{}, {@code \}} and {@code \\}), a number,
 * {@code true}, {@code false}, {@code null}, a path or a nested call. What can be checked without
 * the input is checked here: the function name, the number of arguments and the type of literal
 * arguments.
 */
public final class IntrinsicParser {

  /**
   * The AWS developer guide: "You can nest up to 10 intrinsic functions within a field"; its
   * example of nine counts every call in the field.
   */
  public static final int MAX_CALLS_PER_FIELD = 10;

  private static final String PREFIX = "States.";
  private static final Pattern NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private final String text;
  private final PathResolver paths;
  private int pos;
  private int calls;

  private IntrinsicParser(String text, PathResolver paths) {
    this.text = text;
    this.paths = paths;
  }

  /** Whether the text is meant as an intrinsic call (it starts with {@code States.}). */
  public static boolean looksLikeCall(String text) {
    return text.startsWith(PREFIX);
  }

  /**
   * Parses one call, which must be the whole text.
   *
   * @throws ExpressionException ({@code INVALID_INTRINSIC}) naming what is wrong and where
   */
  public static IntrinsicCall parse(String text, PathResolver paths) throws ExpressionException {
    IntrinsicParser parser = new IntrinsicParser(text, paths);
    parser.skipSpace();
    IntrinsicCall call = parser.call();
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the call");
    }
    return call;
  }

  private IntrinsicCall call() throws ExpressionException {
    int start = pos;
    if (!text.startsWith(PREFIX, pos)) {
      throw error("expected an intrinsic function name starting with 'States.'");
    }
    int end = pos + PREFIX.length();
    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    String name = text.substring(pos, end);
    IntrinsicFunction function =
        IntrinsicFunction.byName(name)
            .orElseThrow(() -> error("unknown intrinsic function '" + name + "'"));
    pos = end;
    skipSpace();
    expect('(');
    calls++;
    if (calls > MAX_CALLS_PER_FIELD) {
      throw error("more than " + MAX_CALLS_PER_FIELD + " intrinsic functions in one field");
    }
    List<Argument> arguments = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
    } else {
      while (true) {
        skipSpace();
        arguments.add(argument());
        skipSpace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == ')') {
          pos++;
          break;
        } else if (c == 0) {
          throw error("the call is not closed with ')'");
        } else {
          throw error("expected ',' or ')' after an argument of " + name);
        }
      }
    }
    String source = text.substring(start, pos);
    int count = arguments.size();
    if (count < function.minArguments() || count > function.maxArguments()) {
      throw new ExpressionException(
          ExpressionException.Kind.INVALID_INTRINSIC,
          name
              + " takes "
              + function.arityText()
              + " but "
              + count
              + (count == 1 ? " was" : " were")
              + " given in '"
              + text
              + "'");
    }
    StaticChecks.check(function, arguments, text);
    return new IntrinsicCall(function, List.copyOf(arguments), source);
  }

  private Argument argument() throws ExpressionException {
    char c = peek();
    if (c == '\'') {
      return string();
    }
    if (c == '$') {
      return path();
    }
    if (text.startsWith(PREFIX, pos)) {
      return new Argument.Call(call());
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    for (String keyword : new String[] {"true", "false", "null"}) {
      if (text.startsWith(keyword, pos) && isDelimiter(pos + keyword.length())) {
        pos += keyword.length();
        return new Argument.Literal(parseJson(keyword), List.of(), false);
      }
    }
    if (c == 0) {
      throw error("the call is not closed with ')'");
    }
    throw error("expected an argument (a 'string', a number, true, false, null, a path or a call)");
  }

  private Argument.Literal string() throws ExpressionException {
    int start = pos;
    pos++; // opening quote
    StringBuilder value = new StringBuilder();
    StringBuilder segment = new StringBuilder();
    List<String> segments = new ArrayList<>();
    boolean openEscape = false;
    while (true) {
      if (pos >= text.length()) {
        pos = start;
        throw error("the string literal is not closed with '");
      }
      char c = text.charAt(pos);
      if (c == '\'') {
        pos++;
        break;
      }
      if (c == '\\') {
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        if (next == '\'' || next == '\\' || next == '{' || next == '}') {
          value.append(next);
          segment.append(next);
          pos += 2;
        } else {
          // AWS: an open escape backslash makes the interpreter throw a runtime error.
          openEscape = true;
          value.append(c);
          segment.append(c);
          pos++;
        }
        continue;
      }
      if (c == '{' && pos + 1 < text.length() && text.charAt(pos + 1) == '}') {
        value.append("{}");
        segments.add(segment.toString());
        segment.setLength(0);
        pos += 2;
        continue;
      }
      value.append(c);
      segment.append(c);
      pos++;
    }
    segments.add(segment.toString());
    return new Argument.Literal(
        Json.NODES.textNode(value.toString()), List.copyOf(segments), openEscape);
  }

  private Argument.Literal number() throws ExpressionException {
    Matcher m = NUMBER.matcher(text);
    m.region(pos, text.length());
    if (!m.lookingAt() || !isDelimiter(m.end())) {
      throw error("invalid number");
    }
    String token = text.substring(pos, m.end());
    pos = m.end();
    return new Argument.Literal(parseJson(token), List.of(), false);
  }

  /** A path runs to the first ',', ')' or space outside brackets, parentheses and quotes. */
  private Argument.Path path() throws ExpressionException {
    int start = pos;
    int depth = 0;
    char quote = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (depth > 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        break;
      }
      pos++;
    }
    if (depth > 0 || quote != 0) {
      pos = start;
      throw error("the path argument is not closed");
    }
    String pathText = text.substring(start, pos);
    PathExpr compiled;
    try {
      compiled = paths.compile(pathText);
    } catch (ExpressionException e) {
      throw new ExpressionException(
          ExpressionException.Kind.INVALID_INTRINSIC,
          "invalid path argument '" + pathText + "' in '" + text + "': " + e.getMessage(),
          e);
    }
    return new Argument.Path(pathText, compiled);
  }

  private JsonNode parseJson(String token) throws ExpressionException {
    try {
      return Json.MAPPER.readTree(token);
    } catch (JsonProcessingException e) {
      throw error("invalid literal '" + token + "'");
    }
  }

  private boolean isDelimiter(int at) {
    if (at >= text.length()) {
      return true;
    }
    char c = text.charAt(at);
    return c == ',' || c == ')' || Character.isWhitespace(c);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void expect(char c) throws ExpressionException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private ExpressionException error(String what) {
    return new ExpressionException(
        ExpressionException.Kind.INVALID_INTRINSIC,
        "Invalid intrinsic function call '" + text + "': " + what + " at position " + (pos + 1));
  }
}
