package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JFunctionCallable;
import com.dashjoin.jsonata.Utils;
import com.dashjoin.jsonata.utils.DateTimeUtils;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The functions the engine binds in place of, or in addition to, the library's.
 *
 * <p>Step Functions adds {@code $partition}, {@code $range}, {@code $hash}, {@code $random} (with
 * an optional seed), {@code $uuid} and {@code $parse}, and removes {@code $eval}. The engine also
 * replaces the library functions that would read the wall clock or an unseeded random generator
 * ({@code $now}, {@code $millis}, {@code $random}, {@code $shuffle}) with ones that read the
 * evaluation's {@code Clock} and {@code Entropy} ports, and a few whose library version departs
 * from JSONata 2.0.6 ({@code $number}, {@code $string}, {@code $lowercase}, {@code $uppercase},
 * {@code $toMillis}, {@code $assert}, {@code $formatNumber}) or cannot be bounded ({@code $pad},
 * which the library builds in quadratic time, and {@code $replace}, whose library version reads a
 * string pattern as a regular expression when a limit is given and prints, then ignores, errors of
 * a replacement function).
 *
 * <p>Every function here is bound only when an expression names it and no workflow variable of that
 * name is visible: variables shadow functions, as bindings passed to JSONata's evaluate do.
 */
final class Builtins {

  /** The names the engine binds itself. */
  static final Set<String> NAMES =
      Set.of(
          "partition",
          "range",
          "hash",
          "random",
          "uuid",
          "parse",
          "eval",
          "now",
          "millis",
          "shuffle",
          "number",
          "string",
          "lowercase",
          "uppercase",
          "toMillis",
          "assert",
          "pad",
          "replace",
          "formatNumber");

  /** Functions whose result depends on the evaluation's clock or entropy. */
  static final Set<String> SCOPED = Set.of("random", "uuid", "now", "millis", "shuffle");

  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  /** JSON text as {@code $parse} accepts it: one value, no duplicate keys. */
  private static final ObjectReader STRICT_JSON =
      new ObjectMapper()
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** What JSONata 2.0.6's {@code $number} accepts as a decimal numeral. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?");

  private static final Pattern PREFIXED =
      Pattern.compile("0[xX][0-9A-Fa-f]+|0[oO][0-7]+|0[bB][01]+");

  /** An ISO 8601 timestamp as {@code $toMillis} reads it without a picture. */
  private static final Pattern ISO_8601 =
      Pattern.compile(
          "\\d{4}(-[01]\\d)?(-[0-3]\\d)?(T[0-2]\\d:[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?)?"
              + "([+-][0-2]\\d:?[0-5]\\d|Z)?");

  private static final Map<String, JFunction> PURE =
      Map.ofEntries(
          Map.entry("partition", named("partition", "<x?x?x?:a>", Builtins::partition)),
          Map.entry("range", named("range", "<x?x?x?x?:a>", Builtins::range)),
          Map.entry("hash", named("hash", "<x?x?x?:s>", Builtins::hash)),
          Map.entry("parse", named("parse", "<x-x?:x>", Builtins::parse)),
          Map.entry("number", named("number", "<(nsb)-:n>", Builtins::number)),
          Map.entry("string", named("string", "<x-b?:s>", Builtins::string)),
          Map.entry("lowercase", named("lowercase", "<s-:s>", Builtins::lowercase)),
          Map.entry("uppercase", named("uppercase", "<s-:s>", Builtins::uppercase)),
          Map.entry("toMillis", named("toMillis", "<s-s?:n>", Builtins::toMillis)),
          Map.entry("assert", named("assert", "<bs?:x>", Builtins::assertion)),
          Map.entry("pad", named("pad", "<s-ns?:s>", Builtins::pad)),
          Map.entry("replace", named("replace", "<s-(sf)(sf)n?:s>", Builtins::replace)),
          Map.entry("formatNumber", named("formatNumber", "<n-so?:s>", Builtins::formatNumber)));

  private Builtins() {}

  /**
   * The function an expression gets for {@code name}, or {@code null} for {@code $eval}, which Step
   * Functions does not provide: calling it then fails as calling any undefined name does.
   */
  static Object function(String name, Evaluation evaluation) {
    JFunction pure = PURE.get(name);
    if (pure != null) {
      return pure;
    }
    return switch (name) {
      case "random" -> named("random", "<x?x?:n>", (in, args) -> random(evaluation, args));
      case "uuid" -> named("uuid", "<x?:s>", (in, args) -> uuid(evaluation, args));
      case "now" -> named("now", "<x?x?x?:s>", (in, args) -> now(evaluation, args));
      case "millis" -> named("millis", "<x?:n>", (in, args) -> millis(evaluation, args));
      case "shuffle" -> named("shuffle", "<a:a>", (in, args) -> shuffle(evaluation, args));
      default -> null; // eval
    };
  }

  /**
   * A function with its signature. The functions declared here check their own argument types, with
   * a signature that accepts one argument more than they take: the library's signature check names
   * the wrong argument when the second or a later one is at fault, and JSONata names the first
   * argument in excess when there are too many.
   *
   * <p>Binding the function once under its name records the name in the signature, for the
   * "Argument 1 of function "hash" ..." messages; evaluations then bind it as a plain value, which
   * leaves the shared instance untouched.
   */
  private static JFunction named(String name, String signature, JFunctionCallable body) {
    JFunction f = new JFunction(body, signature);
    new Jsonata.Frame(null).bind(name, f);
    return f;
  }

  private static Object arg(List<?> args, int index) {
    return args != null && index < args.size() ? args.get(index) : null;
  }

  /** AWS rounds non-integral arguments of its functions towards zero. */
  private static long integer(Object value) {
    return (long) ((Number) value).doubleValue();
  }

  /** JSONata's T0410 for argument {@code index} (1-based) of {@code function}. */
  private static JException badArgument(int index, String function) {
    return new JException("T0410", -1, index, function);
  }

  /**
   * Fails when more than {@code arity} arguments were passed. The signature pads a short call with
   * undefined up to its length, so an argument in excess is one that is defined.
   */
  private static void arity(List<?> args, int arity, String function) {
    for (int i = arity; args != null && i < args.size(); i++) {
      if (args.get(i) != null) {
        throw badArgument(i + 1, function);
      }
    }
  }

  /** The argument when it is a number or undefined. */
  private static Number number(List<?> args, int index, String function) {
    Object v = arg(args, index);
    if (v != null && !(v instanceof Number)) {
      throw badArgument(index + 1, function);
    }
    return (Number) v;
  }

  /** The argument when it is a string or undefined. */
  private static String string(List<?> args, int index, String function) {
    Object v = arg(args, index);
    if (v != null && !(v instanceof String)) {
      throw badArgument(index + 1, function);
    }
    return (String) v;
  }

  private static JException error(String message) {
    return new JException("D3137", -1, message);
  }

  // --- Step Functions additions ---------------------------------------------------------------

  /** {@code $partition(array, size)}: consecutive chunks of {@code size}, the last one shorter. */
  private static Object partition(Object input, List<?> args) {
    arity(args, 2, "partition");
    Object array = arg(args, 0);
    Number sizeArg = number(args, 1, "partition");
    if (array == null || sizeArg == null) {
      return null;
    }
    // An array parameter of a JSONata function receives a single value as a one-value array.
    List<?> items = array instanceof List<?> list ? list : List.of(array);
    long size = integer(sizeArg);
    if (size < 1) {
      throw error("The chunk size passed to function partition must be a positive integer");
    }
    int n = items.size();
    int step = (int) Math.min(size, Math.max(n, 1));
    List<Object> chunks = new ArrayList<>((n + step - 1) / step);
    for (int i = 0; i < n; i += step) {
      chunks.add(new ArrayList<>(items.subList(i, Math.min(n, i + step))));
    }
    return chunks;
  }

  /**
   * {@code $range(start, end, step)}: from {@code start} towards {@code end}, inclusive when a step
   * lands on it. The result is a sequence, so a single value collapses to that value, as on AWS.
   */
  private static Object range(Object input, List<?> args) {
    arity(args, 3, "range");
    Number startArg = number(args, 0, "range");
    Number endArg = number(args, 1, "range");
    Number stepArg = number(args, 2, "range");
    if (startArg == null || endArg == null || stepArg == null) {
      return null;
    }
    long start = integer(startArg);
    long end = integer(endArg);
    long step = integer(stepArg);
    if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end)) {
      return null;
    }
    BigInteger count =
        BigInteger.valueOf(end)
            .subtract(BigInteger.valueOf(start))
            .divide(BigInteger.valueOf(step))
            .add(BigInteger.ONE);
    if (count.multiply(BigInteger.valueOf(8)).compareTo(BigInteger.valueOf(Limits.MAX_VALUE_BYTES))
        > 0) {
      throw new Limits.Exceeded(Limits.MEMORY);
    }
    List<Object> values = Utils.createSequence();
    long value = start;
    for (int i = count.intValueExact(); i > 0; i--) {
      values.add(JsonValues.normalize(value));
      value += step;
    }
    return values;
  }

  /** {@code $hash(value, algorithm)}: the lowercase hex digest of the UTF-8 bytes. */
  private static Object hash(Object input, List<?> args) {
    arity(args, 2, "hash");
    String value = string(args, 0, "hash");
    String algorithm = string(args, 1, "hash");
    if (value == null || algorithm == null) {
      return null;
    }
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw error(
          "The hash algorithm '"
              + algorithm
              + "' is not supported: use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM lacks the " + algorithm + " digest", e);
    }
  }

  /** {@code $parse(text)}: the JSON value the text denotes; Step Functions' {@code $eval}. */
  private static Object parse(Object input, List<?> args) {
    arity(args, 1, "parse");
    String text = string(args, 0, "parse");
    if (text == null) {
      return null;
    }
    JsonNode node;
    try {
      node = STRICT_JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw error("The argument of function parse is not a JSON text: " + text);
    }
    if (node == null || node.isMissingNode()) {
      throw error("The argument of function parse is not a JSON text: " + text);
    }
    return JsonValues.toJsonata(node);
  }

  /** {@code $random()} from the evaluation's entropy, {@code $random(seed)} reproducibly. */
  private static Object random(Evaluation evaluation, List<?> args) {
    arity(args, 1, "random");
    Number seed = number(args, 0, "random");
    if (seed == null) {
      return evaluation.scope().entropy().nextDouble();
    }
    // AWS draws a seeded number with java.util.Random, whose sequence the JDK specifies.
    return new Random(integer(seed)).nextDouble();
  }

  // --- Deterministic replacements ---------------------------------------------------------------

  private static Object uuid(Evaluation evaluation, List<?> args) {
    arity(args, 0, "uuid");
    return evaluation.scope().entropy().randomUuid().toString();
  }

  private static Object now(Evaluation evaluation, List<?> args) {
    arity(args, 2, "now");
    return Functions.dateTimeFromMillis(
        evaluation.millis(), string(args, 0, "now"), string(args, 1, "now"));
  }

  private static Object millis(Evaluation evaluation, List<?> args) {
    arity(args, 0, "millis");
    return JsonValues.normalize(evaluation.millis());
  }

  private static Object shuffle(Evaluation evaluation, List<?> args) {
    Object array = arg(args, 0);
    if (array == null) {
      return null;
    }
    List<?> items = (List<?>) array;
    if (items.size() <= 1) {
      return items;
    }
    List<Object> result = new ArrayList<>(items);
    for (int i = result.size() - 1; i > 0; i--) {
      int j = (int) Math.floor(evaluation.scope().entropy().nextDouble() * (i + 1));
      Object t = result.get(i);
      result.set(i, result.get(j));
      result.set(j, t);
    }
    return result;
  }

  // --- JSONata 2.0.6 behaviour where the library departs from it --------------------------------

  /** {@code $number}: the reference's numerals only; anything else is D3030. */
  private static Object number(Object input, List<?> args) {
    Object value = arg(args, 0);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n;
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof String s) {
      if (DECIMAL.matcher(s).matches()) {
        double d = Double.parseDouble(s);
        if (Double.isFinite(d)) {
          return JsonValues.normalize(d);
        }
      } else if (PREFIXED.matcher(s).matches()) {
        int radix =
            switch (Character.toLowerCase(s.charAt(1))) {
              case 'x' -> 16;
              case 'o' -> 8;
              default -> 2;
            };
        return JsonValues.normalize(new BigInteger(s.substring(2), radix).doubleValue());
      }
    }
    throw new JException("D3030", -1, value);
  }

  /** {@code $string}: JSON text with JavaScript's number formatting and escaping. */
  private static Object string(Object input, List<?> args) {
    Object value = arg(args, 0);
    if (value instanceof Utils.JList<?> list && list.outerWrapper && !list.isEmpty()) {
      value = list.get(0);
    }
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    if (JsonValues.isFunction(value)) {
      return "";
    }
    if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
      throw new JException("D3001", -1, value);
    }
    return JsText.jsonataString(value, Boolean.TRUE.equals(arg(args, 1)));
  }

  private static Object lowercase(Object input, List<?> args) {
    Object value = arg(args, 0);
    return value == null ? null : ((String) value).toLowerCase(Locale.ROOT);
  }

  private static Object uppercase(Object input, List<?> args) {
    Object value = arg(args, 0);
    return value == null ? null : ((String) value).toUpperCase(Locale.ROOT);
  }

  /**
   * {@code $toMillis}: without a picture, an ISO 8601 timestamp; one without an offset is read as
   * UTC, the time zone AWS evaluates in, never as the host's zone.
   */
  private static Object toMillis(Object input, List<?> args) {
    Object value = arg(args, 0);
    if (value == null) {
      return null;
    }
    String timestamp = (String) value;
    Object picture = arg(args, 1);
    if (picture != null) {
      Long millis = DateTimeUtils.parseDateTime(timestamp, (String) picture);
      return millis == null ? null : JsonValues.normalize(millis);
    }
    if (!ISO_8601.matcher(timestamp).matches()) {
      throw new JException("D3110", -1, timestamp);
    }
    try {
      return JsonValues.normalize(isoMillis(timestamp));
    } catch (DateTimeParseException e) {
      throw new JException("D3110", -1, timestamp);
    }
  }

  private static long isoMillis(String timestamp) {
    int t = timestamp.indexOf('T');
    if (t < 0) {
      String date = timestamp;
      if (date.length() == 4) {
        date += "-01-01";
      } else if (date.length() == 7) {
        date += "-01";
      }
      return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
    String ts = timestamp;
    int len = ts.length();
    boolean hasOffset =
        ts.endsWith("Z")
            || (len > 6 && (ts.charAt(len - 5) == '+' || ts.charAt(len - 5) == '-'))
            || (len > 6 && (ts.charAt(len - 6) == '+' || ts.charAt(len - 6) == '-'));
    if (!hasOffset) {
      return LocalDateTime.parse(ts).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (!ts.endsWith("Z") && ts.charAt(len - 3) != ':') {
      ts = ts.substring(0, len - 2) + ":" + ts.substring(len - 2); // +0100 -> +01:00
    }
    return OffsetDateTime.parse(ts).toInstant().toEpochMilli();
  }

  /**
   * {@code $pad(str, width, char)}: pads to {@code |width|} characters (code points), on the right
   * for a positive width and on the left for a negative one, repeating {@code char} (a space by
   * default). A width beyond the memory bound fails before anything is built.
   */
  private static Object pad(Object input, List<?> args) {
    String str = (String) arg(args, 0);
    Number width = (Number) arg(args, 1);
    if (str == null || width == null) {
      return null;
    }
    String fill = (String) arg(args, 2);
    if (fill == null || fill.isEmpty()) {
      fill = " ";
    }
    long target = Math.abs(integer(width));
    long pads = target - str.codePointCount(0, str.length());
    if (pads <= 0) {
      return str;
    }
    if (pads > Limits.MAX_VALUE_BYTES) {
      throw new Limits.Exceeded(Limits.MEMORY);
    }
    int[] fillPoints = fill.codePoints().toArray();
    StringBuilder padding = new StringBuilder((int) pads);
    for (int i = 0; i < pads; i++) {
      padding.appendCodePoint(fillPoints[i % fillPoints.length]);
    }
    return integer(width) < 0 ? padding.append(str).toString() : str + padding;
  }

  /**
   * {@code $replace(str, pattern, replacement, limit)}: a string pattern matches literally and its
   * replacement is literal; a regular expression's replacement may name {@code $0}, {@code $1}...
   * ({@code $$} for a dollar), or be a function of the match object {@code {match, index, groups}}
   * that must return a string (D3012). A match of the empty string after the first one is D1004,
   * since such a pattern would never progress.
   */
  private static Object replace(Object input, List<?> args) {
    String str = (String) arg(args, 0);
    if (str == null) {
      return null;
    }
    Object pattern = arg(args, 1);
    Object replacement = arg(args, 2);
    Number limitArg = (Number) arg(args, 3);
    if ("".equals(pattern)) {
      throw new JException("D3010", -1);
    }
    long limit = limitArg == null ? Long.MAX_VALUE : integer(limitArg);
    if (limit < 0) {
      throw new JException("D3011", -1);
    }
    StringBuilder out = new StringBuilder(str.length());
    int position = 0;
    long count = 0;
    if (pattern instanceof String literal) {
      int index = str.indexOf(literal);
      while (index >= 0 && count < limit) {
        out.append(str, position, index);
        out.append(
            replacement instanceof String r
                ? r
                : replaced(replacement, match(literal, index, List.of())));
        position = index + literal.length();
        count++;
        checkSize(out);
        index = str.indexOf(literal, position);
      }
    } else {
      java.util.regex.Matcher m = ((Pattern) pattern).matcher(str);
      int from = 0;
      boolean first = true;
      while (count < limit && m.find(from)) {
        // Like JavaScript's exec, the search resumes where the last match ended; a pattern that
        // then matches the empty string would never progress.
        if (!first && m.group().isEmpty()) {
          throw new JException("D1004", -1);
        }
        first = false;
        List<String> groups = new ArrayList<>(m.groupCount());
        for (int g = 1; g <= m.groupCount(); g++) {
          groups.add(m.group(g));
        }
        out.append(str, position, m.start());
        out.append(
            replacement instanceof String r
                ? substitute(r, m.group(), groups)
                : replaced(replacement, match(m.group(), m.start(), groups)));
        position = m.end();
        count++;
        checkSize(out);
        if (position >= str.length()) {
          break;
        }
        from = position;
      }
    }
    out.append(str, Math.min(position, str.length()), str.length());
    checkSize(out);
    return out.toString();
  }

  private static void checkSize(CharSequence s) {
    if (s.length() > Limits.MAX_VALUE_BYTES) {
      throw new Limits.Exceeded(Limits.MEMORY);
    }
  }

  private static Map<String, Object> match(String text, int index, List<String> groups) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("match", text);
    m.put("index", index);
    m.put("groups", new ArrayList<Object>(groups));
    return m;
  }

  /** The result of a replacement function, which must be a string. */
  private static String replaced(Object function, Map<String, Object> match) {
    Object result;
    try {
      result = Functions.funcApply(function, List.of(match));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    if (!(result instanceof String s)) {
      throw new JException("D3012", -1, result);
    }
    return s;
  }

  /** A replacement string with {@code $0}, {@code $n} and {@code $$} resolved. */
  private static String substitute(String replacement, String match, List<String> groups) {
    StringBuilder out = new StringBuilder(replacement.length() + match.length());
    int position = 0;
    int dollar = replacement.indexOf('$');
    while (dollar >= 0 && position < replacement.length()) {
      out.append(replacement, position, dollar);
      position = dollar + 1;
      char next = position < replacement.length() ? replacement.charAt(position) : 0;
      if (next == '$') {
        out.append('$');
        position++;
      } else if (next == '0') {
        out.append(match);
        position++;
      } else {
        int maxDigits = groups.isEmpty() ? 1 : (int) Math.floor(Math.log10(groups.size())) + 1;
        int index = leadingInteger(replacement, position, maxDigits);
        if (maxDigits > 1 && index > groups.size()) {
          index = leadingInteger(replacement, position, maxDigits - 1);
        }
        if (index >= 0) {
          if (!groups.isEmpty() && index >= 1 && index <= groups.size()) {
            String group = groups.get(index - 1);
            if (group != null) {
              out.append(group);
            }
          }
          position += Integer.toString(index).length();
        } else {
          out.append('$');
        }
      }
      dollar = replacement.indexOf('$', position);
    }
    out.append(replacement, Math.min(position, replacement.length()), replacement.length());
    return out.toString();
  }

  /** The integer at the start of {@code s.substring(from, from + digits)}, or -1 for none. */
  private static int leadingInteger(String s, int from, int digits) {
    int end = Math.min(s.length(), from + digits);
    int i = from;
    while (i < end && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
    }
    return i == from ? -1 : Integer.parseInt(s.substring(from, i));
  }

  /** {@code $formatNumber(number, picture, options)}: see {@link NumberPicture}. */
  private static Object formatNumber(Object input, List<?> args) {
    Number value = (Number) arg(args, 0);
    String picture = (String) arg(args, 1);
    if (value == null || picture == null) {
      return null;
    }
    return NumberPicture.format(value, picture, (Map<?, ?>) arg(args, 2));
  }

  /** {@code $assert}: fails with the caller's message, which the library drops. */
  private static Object assertion(Object input, List<?> args) {
    if (!Boolean.TRUE.equals(arg(args, 0))) {
      Object message = arg(args, 1);
      throw new JException("D3141", -1, message != null ? message : "$assert() statement failed");
    }
    return null;
  }
}
