package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.FORMAT;
import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.STRING_SPLIT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** States.Format and States.StringSplit. */
final class StringFunctions {

  private static final String PLACEHOLDER = "{}";

  private StringFunctions() {}

  /**
   * States.Format(template, values...): the template with each {@code {}} replaced by the
   * positionally corresponding value. There must be exactly as many values as placeholders.
   *
   * @param segments the template's text between placeholders (one more than placeholders)
   */
  static JsonNode format(List<String> segments, List<JsonNode> values) {
    int placeholders = segments.size() - 1;
    if (placeholders != values.size()) {
      throw AwsCauses.intrinsicFailure(AwsCauses.formatArgumentCount(placeholders, values.size()));
    }
    StringBuilder out = new StringBuilder(segments.get(0));
    for (int i = 0; i < values.size(); i++) {
      out.append(Json.formatText(values.get(i))).append(segments.get(i + 1));
    }
    return Json.NODES.textNode(out.toString());
  }

  /**
   * The segments of a template that comes from a path rather than a literal: there are no escapes
   * in a value read from the input, so every {@code {}} is a placeholder.
   */
  static List<String> segmentsOf(JsonNode template) {
    String text = Args.string(FORMAT, 1, template);
    List<String> segments = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf(PLACEHOLDER); at >= 0; at = text.indexOf(PLACEHOLDER, from)) {
      segments.add(text.substring(from, at));
      from = at + PLACEHOLDER.length();
    }
    segments.add(text.substring(from));
    return segments;
  }

  /**
   * States.StringSplit(string, delimiters): every character of the second argument is a delimiter,
   * and empty pieces are dropped. Recorded against AWS: {@code ", , ,"} split on {@code ","} gives
   * {@code [" ", " "]}, {@code ",,,,"} gives {@code []}, and {@code "This.is+a"} split on {@code
   * ".+"} gives {@code ["This", "is", "a"]}.
   */
  static JsonNode split(JsonNode stringArg, JsonNode delimitersArg) {
    String text = Args.string(STRING_SPLIT, 1, stringArg);
    String delimiters = Args.string(STRING_SPLIT, 2, delimitersArg);
    ArrayNode out = Json.NODES.arrayNode();
    int start = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (delimiters.indexOf(cp) >= 0) {
        if (i > start) {
          out.add(text.substring(start, i));
        }
        start = i + width;
      }
      i += width;
    }
    if (text.length() > start) {
      out.add(text.substring(start));
    }
    return out;
  }
}
