package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.JException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders JSONata errors the way JSONata 2.0.6 (and so AWS) words them.
 *
 * <p>The library keeps the reference implementation's error codes but not its wording: its catalog
 * says "Object" where the reference says "function", quotes every insert as a string ({@code
 * Argument "1"} instead of {@code Argument 1}), fills at most two inserts, and some functions throw
 * a bare sentence where the reference has a code. So the catalog below is the reference one, and
 * each insert is rendered with {@code JSON.stringify} semantics from what the exception carries.
 */
final class ErrorMessages {

  /** What follows AWS's "threw an error during evaluation" sentence. */
  record Detail(String code, String message) {

    /** {@code ". T1006: Attempted to ..."} for a coded error, {@code ": message"} otherwise. */
    String causeTail() {
      return code == null ? ": " + message : ". " + code + ": " + message;
    }
  }

  private static final Pattern CODE = Pattern.compile("[STDU]\\d{4}");
  private static final Pattern INSERT = Pattern.compile("\\{\\{\\{(\\w+)}}}|\\{\\{(\\w+)}}");

  private static final Map<String, String> CATALOG =
      Map.ofEntries(
          Map.entry("S0101", "String literal must be terminated by a matching quote"),
          Map.entry("S0102", "Number out of range: {{token}}"),
          Map.entry("S0103", "Unsupported escape sequence: \\{{token}}"),
          Map.entry("S0104", "The escape sequence \\u must be followed by 4 hex digits"),
          Map.entry("S0105", "Quoted property name must be terminated with a backquote (`)"),
          Map.entry("S0106", "Comment has no closing tag"),
          Map.entry("S0201", "Syntax error: {{token}}"),
          Map.entry("S0202", "Expected {{value}}, got {{token}}"),
          Map.entry("S0203", "Expected {{value}} before end of expression"),
          Map.entry("S0204", "Unknown operator: {{token}}"),
          Map.entry("S0205", "Unexpected token: {{token}}"),
          Map.entry("S0206", "Unknown expression type: {{token}}"),
          Map.entry("S0207", "Unexpected end of expression"),
          Map.entry(
              "S0208",
              "Parameter {{value}} of function definition must be a variable name (start with $)"),
          Map.entry("S0209", "A predicate cannot follow a grouping expression in a step"),
          Map.entry("S0210", "Each step can only have one grouping expression"),
          Map.entry("S0211", "The symbol {{token}} cannot be used as a unary operator"),
          Map.entry("S0212", "The left side of := must be a variable name (start with $)"),
          Map.entry(
              "S0213",
              "The literal value {{value}} cannot be used as a step within a path expression"),
          Map.entry("S0214", "The right side of {{token}} must be a variable name (start with $)"),
          Map.entry("S0215", "A context variable binding must precede any predicates on a step"),
          Map.entry(
              "S0216", "A context variable binding must precede the 'order-by' clause on a step"),
          Map.entry(
              "S0217",
              "The object representing the 'parent' cannot be derived from this expression"),
          Map.entry("S0301", "Empty regular expressions are not allowed"),
          Map.entry("S0302", "No terminating / in regular expression"),
          Map.entry("S0402", "Choice groups containing parameterized types are not supported"),
          Map.entry("S0401", "Type parameters can only be applied to functions and arrays"),
          Map.entry("S0500", "Attempted to evaluate an expression containing syntax error(s)"),
          Map.entry(
              "T0410",
              "Argument {{index}} of function {{token}} does not match function signature"),
          Map.entry(
              "T0411",
              "Context value is not a compatible type with argument {{index}} of function {{token}}"),
          Map.entry(
              "T0412", "Argument {{index}} of function {{token}} must be an array of {{type}}"),
          Map.entry("D1001", "Number out of range: {{value}}"),
          Map.entry("D1002", "Cannot negate a non-numeric value: {{value}}"),
          Map.entry("T1003", "Key in object structure must evaluate to a string; got: {{value}}"),
          Map.entry("D1004", "Regular expression matches zero length string"),
          Map.entry("T1005", "Attempted to invoke a non-function. Did you mean ${{{token}}}?"),
          Map.entry("T1006", "Attempted to invoke a non-function"),
          Map.entry(
              "T1007", "Attempted to partially apply a non-function. Did you mean ${{{token}}}?"),
          Map.entry("T1008", "Attempted to partially apply a non-function"),
          Map.entry("D1009", "Multiple key definitions evaluate to same key: {{value}}"),
          Map.entry(
              "T1010",
              "The matcher function argument passed to function {{token}} does not return the"
                  + " correct object structure"),
          Map.entry("T2001", "The left side of the {{token}} operator must evaluate to a number"),
          Map.entry("T2002", "The right side of the {{token}} operator must evaluate to a number"),
          Map.entry(
              "T2003", "The left side of the range operator (..) must evaluate to an integer"),
          Map.entry(
              "T2004", "The right side of the range operator (..) must evaluate to an integer"),
          Map.entry("D2005", "The left side of := must be a variable name (start with $)"),
          Map.entry(
              "T2006", "The right side of the function application operator ~> must be a function"),
          Map.entry(
              "T2007",
              "Type mismatch when comparing values {{value}} and {{value2}} in order-by clause"),
          Map.entry(
              "T2008",
              "The expressions within an order-by clause must evaluate to numeric or string values"),
          Map.entry(
              "T2009",
              "The values {{value}} and {{value2}} either side of operator {{token}} must be of the"
                  + " same data type"),
          Map.entry(
              "T2010",
              "The expressions either side of operator {{token}} must evaluate to numeric or string"
                  + " values"),
          Map.entry(
              "T2011",
              "The insert/update clause of the transform expression must evaluate to an object:"
                  + " {{value}}"),
          Map.entry(
              "T2012",
              "The delete clause of the transform expression must evaluate to a string or array of"
                  + " strings: {{value}}"),
          Map.entry(
              "T2013",
              "The transform expression clones the input object using the $clone() function.  This"
                  + " has been overridden in the current scope by a non-function."),
          Map.entry(
              "D2014",
              "The size of the sequence allocated by the range operator (..) must not exceed 1e6."
                  + "  Attempted to allocate {{value}}."),
          Map.entry("D3001", "Attempting to invoke string function on Infinity or NaN"),
          Map.entry("D3010", "Second argument of replace function cannot be an empty string"),
          Map.entry(
              "D3011", "Fourth argument of replace function must evaluate to a positive number"),
          Map.entry("D3012", "Attempted to replace a matched string with a non-string value"),
          Map.entry("D3020", "Third argument of split function must evaluate to a positive number"),
          Map.entry("D3030", "Unable to cast value to a number: {{value}}"),
          Map.entry("D3040", "Third argument of match function must evaluate to a positive number"),
          Map.entry(
              "D3050",
              "The second argument of reduce function must be a function with at least two"
                  + " arguments"),
          Map.entry("D3060", "The sqrt function cannot be applied to a negative number: {{value}}"),
          Map.entry(
              "D3061",
              "The power function has resulted in a value that cannot be represented as a JSON"
                  + " number: base={{value}}, exponent={{exp}}"),
          Map.entry(
              "D3070",
              "The single argument form of the sort function can only be applied to an array of"
                  + " strings or an array of numbers.  Use the second argument to specify a"
                  + " comparison function"),
          Map.entry("D3080", "The picture string must only contain a maximum of two sub-pictures"),
          Map.entry(
              "D3081",
              "The sub-picture must not contain more than one instance of the 'decimal-separator'"
                  + " character"),
          Map.entry(
              "D3082",
              "The sub-picture must not contain more than one instance of the 'percent' character"),
          Map.entry(
              "D3083",
              "The sub-picture must not contain more than one instance of the 'per-mille'"
                  + " character"),
          Map.entry(
              "D3084",
              "The sub-picture must not contain both a 'percent' and a 'per-mille' character"),
          Map.entry(
              "D3085",
              "The mantissa part of a sub-picture must contain at least one character that is"
                  + " either an 'optional digit character' or a member of the 'decimal digit"
                  + " family'"),
          Map.entry(
              "D3086",
              "The sub-picture must not contain a passive character that is preceded by an active"
                  + " character and that is followed by another active character"),
          Map.entry(
              "D3087",
              "The sub-picture must not contain a 'grouping-separator' character that appears"
                  + " adjacent to a 'decimal-separator' character"),
          Map.entry(
              "D3088",
              "The sub-picture must not contain a 'grouping-separator' at the end of the integer"
                  + " part"),
          Map.entry(
              "D3089",
              "The sub-picture must not contain two adjacent instances of the 'grouping-separator'"
                  + " character"),
          Map.entry(
              "D3090",
              "The integer part of the sub-picture must not contain a member of the 'decimal digit"
                  + " family' that is followed by an instance of the 'optional digit character'"),
          Map.entry(
              "D3091",
              "The fractional part of the sub-picture must not contain an instance of the"
                  + " 'optional digit character' that is followed by a member of the 'decimal digit"
                  + " family'"),
          Map.entry(
              "D3092",
              "A sub-picture that contains a 'percent' or 'per-mille' character must not contain a"
                  + " character treated as an 'exponent-separator'"),
          Map.entry(
              "D3093",
              "The exponent part of the sub-picture must comprise only of one or more characters"
                  + " that are members of the 'decimal digit family'"),
          Map.entry(
              "D3100",
              "The radix of the formatBase function must be between 2 and 36.  It was given"
                  + " {{value}}"),
          Map.entry(
              "D3110",
              "The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given"
                  + " {{value}}"),
          Map.entry("D3120", "Syntax error in expression passed to function eval: {{value}}"),
          Map.entry(
              "D3121",
              "Dynamic error evaluating the expression passed to function eval: {{value}}"),
          Map.entry(
              "D3130",
              "Formatting or parsing an integer as a sequence starting with {{value}} is not"
                  + " supported by this implementation"),
          Map.entry(
              "D3131",
              "In a decimal digit pattern, all digits must be from the same decimal group"),
          Map.entry("D3132", "Unknown component specifier {{value}} in date/time picture string"),
          Map.entry(
              "D3133",
              "The 'name' modifier can only be applied to months and days in the date/time picture"
                  + " string, not {{value}}"),
          Map.entry(
              "D3134", "The timezone integer format specifier cannot have more than four digits"),
          Map.entry("D3135", "No matching closing bracket ']' in date/time picture string"),
          Map.entry(
              "D3136",
              "The date/time picture string is missing specifiers required to parse the timestamp"),
          Map.entry("D3137", "{{{message}}}"),
          Map.entry(
              "D3138",
              "The $single() function expected exactly 1 matching result.  Instead it matched"
                  + " more."),
          Map.entry(
              "D3139",
              "The $single() function expected exactly 1 matching result.  Instead it matched 0."),
          Map.entry("D3140", "Malformed URL passed to ${{{functionName}}}(): {{value}}"),
          Map.entry("D3141", "{{{message}}}"));

  /** Messages the library throws without a code although the reference has one. */
  private static final Map<String, String> CODE_BY_MESSAGE = codeByMessage();

  private static final Map<String, String> ARRAY_TYPES =
      Map.of(
          "a", "arrays",
          "b", "booleans",
          "f", "functions",
          "n", "numbers",
          "o", "objects",
          "s", "strings");

  private ErrorMessages() {}

  private static Map<String, String> codeByMessage() {
    // Sorted by code, so that a sentence two codes share always maps to the same one.
    TreeMap<String, String> byMessage = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(CATALOG).entrySet()) {
      if (!e.getValue().contains("{{")) {
        byMessage.putIfAbsent(e.getValue(), e.getKey());
      }
    }
    return Map.copyOf(byMessage);
  }

  /** The message JSONata 2.0.6 gives for a syntax error, without its code (as AWS shows it). */
  static String syntaxMessage(JException e, String text) {
    return detail(e, text, null).message();
  }

  /**
   * The code and message JSONata 2.0.6 gives for this error.
   *
   * @param text the expression text, to recover inserts the library does not carry
   * @param comparisonOperator the expression's comparison operator when it has exactly one, for
   *     T2009, whose operator the library drops
   */
  static Detail detail(JException e, String text, String comparisonOperator) {
    String code = e.getError();
    if (code == null) {
      return new Detail(null, String.valueOf(e.getMessage()));
    }
    if (!CODE.matcher(code).matches()) {
      // The library put the whole sentence where the code belongs.
      String known = CODE_BY_MESSAGE.get(code);
      return known == null ? new Detail(null, code) : new Detail(known, code);
    }
    String template = CATALOG.get(code);
    if (template == null) {
      return new Detail(code, String.valueOf(e.getMessage()));
    }
    return new Detail(code, render(code, template, e, text, comparisonOperator));
  }

  /** The code for a message a library function threw as a plain exception, if it has one. */
  static String codeOf(String message) {
    return message == null ? null : CODE_BY_MESSAGE.get(message);
  }

  private static String render(
      String code, String template, JException e, String text, String comparisonOperator) {
    List<String> names = new ArrayList<>(2);
    Matcher m = INSERT.matcher(template);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    m.reset();
    while (m.find()) {
      boolean raw = m.group(1) != null;
      String name = raw ? m.group(1) : m.group(2);
      Object value = insert(code, name, names.indexOf(name), e, text, comparisonOperator);
      if (value == null) {
        value = Missing.VALUE;
      }
      String rendered =
          value instanceof Missing ? "undefined" : raw ? rawText(value) : JsText.stringify(value);
      m.appendReplacement(out, Matcher.quoteReplacement(rendered));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String rawText(Object value) {
    return value instanceof Number n ? JsText.number(n) : String.valueOf(value);
  }

  /** Marks an insert the exception does not carry. */
  private enum Missing {
    VALUE
  }

  private static Object insert(
      String code, String name, int position, JException e, String text, String operator) {
    switch (code) {
      case "T0411" -> {
        if (name.equals("index")) {
          return e.getExpected();
        }
        return functionNameAt(text, e.getLocation());
      }
      case "T0412" -> {
        switch (name) {
          case "index" -> {
            // Every array-typed parameter of the built-in functions is their first one.
            return 1;
          }
          case "type" -> {
            return ARRAY_TYPES.getOrDefault(String.valueOf(e.getExpected()), "undefined");
          }
          default -> {
            return functionNameAt(text, e.getLocation());
          }
        }
      }
      case "D3100" -> {
        // The library passes the radix where the constructor takes the error's position.
        return e.getLocation();
      }
      case "T2009" -> {
        if (name.equals("token")) {
          return operator == null ? Missing.VALUE : operator;
        }
        return name.equals("value") ? e.getCurrent() : e.getExpected();
      }
      default -> {
        return position == 0 ? e.getCurrent() : position == 1 ? e.getExpected() : null;
      }
    }
  }

  /**
   * The name of the function called at {@code location}: the library reports a failed call at the
   * character after its opening parenthesis, so the name is the {@code $identifier} before it.
   */
  static Object functionNameAt(String text, int location) {
    if (text == null || location <= 0 || location > text.length()) {
      return Missing.VALUE;
    }
    int i = location - 1;
    if (text.charAt(i) != '(') {
      return Missing.VALUE;
    }
    i--;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    int end = i + 1;
    while (i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i--;
    }
    if (i < 0 || text.charAt(i) != '$' || end == i + 1) {
      return Missing.VALUE;
    }
    return text.substring(i + 1, end);
  }
}
