package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled intrinsic call. Evaluating it evaluates its arguments left to right, then applies the
 * function. Misuse fails with {@code States.IntrinsicFailure}; a path argument that selects nothing
 * fails with {@code States.Runtime}.
 */
public final class IntrinsicCall implements Expression {

  private final IntrinsicFunction function;
  private final List<Argument> arguments;
  private final String text;

  IntrinsicCall(IntrinsicFunction function, List<Argument> arguments, String text) {
    this.function = function;
    this.arguments = arguments;
    this.text = text;
  }

  public IntrinsicFunction function() {
    return function;
  }

  public int argumentCount() {
    return arguments.size();
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public JsonNode evaluate(EvaluationScope scope) {
    List<JsonNode> values = new ArrayList<>(arguments.size());
    for (Argument argument : arguments) {
      values.add(value(argument, scope));
    }
    return apply(values, scope);
  }

  private JsonNode value(Argument argument, EvaluationScope scope) {
    return switch (argument) {
      case Argument.Literal literal -> {
        if (literal.openEscape()) {
          throw AwsCauses.intrinsicFailure(
              AwsCauses.openEscape(function.functionName(), literal.value().textValue()));
        }
        yield literal.value();
      }
      case Argument.Path path -> {
        JsonNode value = path.path().evaluate(scope);
        if (value.isMissingNode()) {
          throw argumentNotFound(path, scope);
        }
        yield value;
      }
      case Argument.Call call -> call.call().evaluate(scope);
    };
  }

  private AslFailure argumentNotFound(Argument.Path path, EvaluationScope scope) {
    String name = function.functionName();
    return switch (path.path().root()) {
      case INPUT ->
          new AslFailure(
              StatesError.RUNTIME,
              AwsCauses.argumentPathNotFound(name, path.text(), scope.input()));
      case CONTEXT ->
          new AslFailure(
              StatesError.RUNTIME,
              AwsCauses.argumentPathNotFound(name, path.text(), scope.context()));
      case VARIABLE -> {
        String variable = variableName(path.text());
        JsonNode value = scope.variables().get(variable);
        yield new AslFailure(
            StatesError.RUNTIME,
            value == null
                ? AwsCauses.argumentUndefinedVariable(name, path.text(), variable)
                : AwsCauses.argumentPathNotFound(name, path.text(), value));
      }
    };
  }

  /** The variable a {@code $name...} path reads. */
  static String variableName(String path) {
    int end = 1;
    while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
      end++;
    }
    return path.substring(1, end);
  }

  private JsonNode apply(List<JsonNode> v, EvaluationScope scope) {
    return switch (function) {
      case FORMAT -> StringFunctions.format(formatSegments(v.get(0)), v.subList(1, v.size()));
      case STRING_TO_JSON -> JsonFunctions.stringToJson(v.get(0));
      case JSON_TO_STRING -> JsonFunctions.jsonToString(v.get(0));
      case ARRAY -> ArrayFunctions.array(v);
      case ARRAY_PARTITION -> ArrayFunctions.partition(v.get(0), v.get(1));
      case ARRAY_CONTAINS -> ArrayFunctions.contains(v.get(0), v.get(1));
      case ARRAY_RANGE -> ArrayFunctions.range(v.get(0), v.get(1), v.get(2));
      case ARRAY_GET_ITEM -> ArrayFunctions.getItem(v.get(0), v.get(1));
      case ARRAY_LENGTH -> ArrayFunctions.length(v.get(0));
      case ARRAY_UNIQUE -> ArrayFunctions.unique(v.get(0));
      case BASE64_ENCODE -> EncodingFunctions.encode(v.get(0));
      case BASE64_DECODE -> EncodingFunctions.decode(v.get(0));
      case HASH -> HashFunctions.hash(v.get(0), v.get(1));
      case JSON_MERGE -> JsonFunctions.merge(v.get(0), v.get(1), v.get(2));
      case MATH_RANDOM ->
          MathFunctions.random(v.get(0), v.get(1), v.size() > 2 ? v.get(2) : null, scope.entropy());
      case MATH_ADD -> MathFunctions.add(v.get(0), v.get(1));
      case STRING_SPLIT -> StringFunctions.split(v.get(0), v.get(1));
      case UUID -> UniqueIdFunctions.uuid(scope.entropy());
    };
  }

  /** A literal template keeps its escaped braces apart from placeholders; a read value has none. */
  private List<String> formatSegments(JsonNode evaluatedTemplate) {
    if (arguments.get(0) instanceof Argument.Literal literal && literal.value().isTextual()) {
      return literal.formatSegments();
    }
    return StringFunctions.segmentsOf(evaluatedTemplate);
  }

  @Override
  public String toString() {
    return text;
  }
}
