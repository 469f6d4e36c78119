package io.statecraft.asl.expr.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.ExpressionException;
import java.util.EnumSet;

/**
 * The one place that uses Jayway JsonPath, for the paths the fast step evaluator does not handle:
 * wildcards, slices, unions, filters, deep scans and functions such as {@code length()}. One
 * explicit configuration over Jackson trees; the global defaults are never touched.
 */
final class Jayway {

  /** Never reconfigured after construction, so sharing it is safe. */
  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
          .mappingProvider(new JacksonMappingProvider(MAPPER))
          .options(EnumSet.noneOf(com.jayway.jsonpath.Option.class))
          .build();

  private Jayway() {}

  /** Compiles a path that starts with {@code $}. */
  static JsonPath compile(String original, String path) throws ExpressionException {
    try {
      return JsonPath.compile(path);
    } catch (RuntimeException e) {
      // Jayway reports syntax errors as InvalidPathException, and a few malformed inputs as other
      // runtime exceptions; all of them mean the path does not compile.
      throw new ExpressionException(
          ExpressionException.Kind.INVALID_PATH,
          "Invalid JSONPath '" + original + "': " + describe(e),
          e);
    }
  }

  /**
   * Reads the path from the document: a single value (or missing) for a definite path, an array of
   * the matches (possibly empty) for an indefinite one.
   */
  static JsonNode read(JsonPath path, String original, JsonNode document) {
    Object result;
    try {
      result = path.read(document, CONFIGURATION);
    } catch (JsonPathException e) {
      // Jayway signals "nothing there" (and functions applied to values they do not accept, such
      // as length() of a number) with exceptions. A definite path then selects nothing; an
      // indefinite one matches nothing, which AWS answers with [] (recorded:
      // base.test_base.test_json_path_array_wildcard_or_slice_with_no_input[$.items[*]]).
      return path.isDefinite() ? MissingNode.getInstance() : MAPPER.createArrayNode();
    } catch (RuntimeException e) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The JSONPath '" + original + "' could not be evaluated: " + describe(e));
    }
    if (result == null) {
      return MAPPER.nullNode();
    }
    if (result instanceof JsonNode node) {
      return node;
    }
    // Leaves come back unwrapped (String, Integer, null...) and functions return Java values.
    return MAPPER.valueToTree(result);
  }

  static boolean isDefinite(JsonPath path) {
    return path.isDefinite();
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
