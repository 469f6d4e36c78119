package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.ResultPathExpr;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.expr.jsonata.JsonataCompiler;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.JitterStrategy;
import io.statecraft.asl.model.PathSpec;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.ResultPathSpec;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.Transition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The parts that several state types share: transitions, data flow, Assign, Retry and Catch. */
final class Common {

  /** The documented upper bound of the second-valued fields (about three years). */
  static final long MAX_SECONDS = 99_999_999L;

  /** The documented upper bound of {@code MaxDelaySeconds} (366 days). */
  static final long MAX_DELAY_SECONDS_LIMIT = 31_622_400L;

  private Common() {}

  /** What a template field may hold. */
  enum TemplateShape {
    /** A JSON object. */
    OBJECT,
    /** A JSON object, or in JSONata states a whole {@code {% %}} expression. */
    OBJECT_OR_EXPRESSION,
    /** Any JSON value. */
    ANY
  }

  /** {@code Next} or {@code "End": true}, exactly one of them. */
  static Transition transition(Obj o) {
    String next = o.string(Fields.NEXT);
    Boolean end = o.bool(Fields.END);
    boolean ends = Boolean.TRUE.equals(end);
    if (o.has(Fields.NEXT) && ends) {
      o.cx.schema("There should only be one of the following fields: [Next, End]", o.where());
      return null;
    }
    if (ends) {
      return new Transition.End();
    }
    if (!o.has(Fields.NEXT)) {
      JsonNode endValue = o.get(Fields.END);
      if (endValue == null || endValue.isBoolean()) {
        o.cx.schema("One of the following fields is required: [Next, End]", o.where());
      }
      return null;
    }
    return next == null ? null : new Transition.Next(next);
  }

  /** Which data-flow fields a state type has, beyond InputPath and OutputPath or Output. */
  enum DataFlowKind {
    /** Choice, Wait, Succeed: only InputPath and OutputPath, or Output. */
    INPUT_OUTPUT(false, false, false, false),
    /** Pass: Parameters and ResultPath too, but no result to select from. */
    PASS(true, false, true, false),
    /** Task and Parallel: every field, Arguments in JSONata, and a result. */
    TASK(true, true, true, true),
    /** Map: its Parameters is its ItemSelector, read elsewhere; it has a result. */
    MAP(false, true, true, false);

    final boolean parameters;
    final boolean resultSelector;
    final boolean resultPath;
    final boolean arguments;

    DataFlowKind(
        boolean parameters, boolean resultSelector, boolean resultPath, boolean arguments) {
      this.parameters = parameters;
      this.resultSelector = resultSelector;
      this.resultPath = resultPath;
      this.arguments = arguments;
    }

    /** What a JSONata Output or Assign of the state may read: the result, where there is one. */
    Expressions.StatesScope outputScope() {
      return resultSelector ? Expressions.StatesScope.RESULT : Expressions.StatesScope.PLAIN;
    }
  }

  /**
   * The data-flow fields of a state. Which of them the state type supports is already known from
   * its field set; a field it does not support is never read here.
   */
  static DataFlow dataFlow(Obj o, QueryLanguage language, DataFlowKind kind) {
    if (language == QueryLanguage.JSONATA) {
      Optional<Template> args =
          kind.arguments
              ? template(o, Fields.ARGUMENTS, language, TemplateShape.OBJECT_OR_EXPRESSION)
              : Optional.empty();
      Optional<Template> output =
          template(o, Fields.OUTPUT, language, TemplateShape.ANY, kind.outputScope());
      return new DataFlow.Jsonata(args, output);
    }
    PathSpec input = ioPath(o, Fields.INPUT_PATH);
    Optional<Template> params =
        kind.parameters
            ? template(o, Fields.PARAMETERS, language, TemplateShape.OBJECT)
            : Optional.empty();
    Optional<Template> selector =
        kind.resultSelector
            ? template(o, Fields.RESULT_SELECTOR, language, TemplateShape.OBJECT)
            : Optional.empty();
    ResultPathSpec result = kind.resultPath ? resultPath(o) : ResultPathSpec.REPLACE;
    PathSpec output = ioPath(o, Fields.OUTPUT_PATH);
    if (input == null || result == null || output == null) {
      return null;
    }
    return new DataFlow.JsonPath(input, params, selector, result, output);
  }

  /** InputPath or OutputPath: absent or {@code $} passes everything, {@code null} nothing. */
  static PathSpec ioPath(Obj o, String field) {
    JsonNode value = o.get(field);
    if (value == null) {
      return PathSpec.IDENTITY;
    }
    if (value.isNull()) {
      return PathSpec.EMPTY;
    }
    if (!value.isTextual()) {
      o.typeError(field, "a string or null");
      return null;
    }
    if (value.textValue().equals("$")) {
      return PathSpec.IDENTITY;
    }
    PathExpr path =
        Expressions.path(o.cx, field, value.textValue(), o.at(field), Expressions.PathKind.ANY);
    return path == null ? null : new PathSpec.Select(path);
  }

  /** ResultPath: absent or {@code $} replaces the input, {@code null} discards the result. */
  static ResultPathSpec resultPath(Obj o) {
    JsonNode value = o.get(Fields.RESULT_PATH);
    if (value == null) {
      return ResultPathSpec.REPLACE;
    }
    if (value.isNull()) {
      return ResultPathSpec.DISCARD;
    }
    if (!value.isTextual()) {
      o.typeError(Fields.RESULT_PATH, "a string or null");
      return null;
    }
    if (value.textValue().equals("$")) {
      return ResultPathSpec.REPLACE;
    }
    ResultPathExpr path =
        Expressions.resultPath(
            o.cx, Fields.RESULT_PATH, value.textValue(), o.at(Fields.RESULT_PATH));
    return path == null ? null : new ResultPathSpec.Write(path);
  }

  /** A payload template in either language; empty when absent or invalid (then reported). */
  static Optional<Template> template(
      Obj o, String field, QueryLanguage language, TemplateShape shape) {
    return template(o, field, language, shape, Expressions.StatesScope.PLAIN);
  }

  /**
   * A payload template in either language.
   *
   * @param scope the {@code $states} fields its JSONata expressions may read
   */
  static Optional<Template> template(
      Obj o,
      String field,
      QueryLanguage language,
      TemplateShape shape,
      Expressions.StatesScope scope) {
    JsonNode value = o.get(field);
    if (value == null) {
      return Optional.empty();
    }
    boolean shapeOk =
        switch (shape) {
          case OBJECT -> value.isObject();
          case OBJECT_OR_EXPRESSION ->
              value.isObject()
                  || (language == QueryLanguage.JSONATA && JsonataCompiler.isExpression(value));
          case ANY -> true;
        };
    if (!shapeOk) {
      o.typeError(
          field,
          shape == TemplateShape.OBJECT_OR_EXPRESSION
              ? "an object or a JSONata expression ({% ... %})"
              : "an object");
      return Optional.empty();
    }
    Template template =
        language == QueryLanguage.JSONATA
            ? Expressions.jsonataTemplate(o.cx, field, value, o.at(field), scope)
            : Expressions.jsonPathTemplate(o.cx, field, value, o.at(field));
    return Optional.ofNullable(template);
  }

  static Optional<Template> assign(Obj o, QueryLanguage language) {
    return assign(o, language, Expressions.StatesScope.PLAIN);
  }

  static Optional<Template> assign(Obj o, QueryLanguage language, Expressions.StatesScope scope) {
    return template(o, Fields.ASSIGN, language, TemplateShape.OBJECT, scope);
  }

  /** The {@code Retry} array. */
  static List<Retrier> retry(Obj o) {
    ArrayNode array = o.array(Fields.RETRY);
    List<Retrier> retriers = new ArrayList<>();
    if (array == null) {
      return retriers;
    }
    for (int i = 0; i < array.size(); i++) {
      Obj r = o.element(Fields.RETRY, array, i);
      if (r == null) {
        continue;
      }
      int mark = o.cx.mark();
      r.checkFields(Schemas.RETRIER, QueryLanguage.JSONPATH);
      List<String> errors = errorEquals(r, i == array.size() - 1, "Retrier");
      int interval =
          intField(r, Fields.INTERVAL_SECONDS, 1, MAX_SECONDS, Retrier.DEFAULT_INTERVAL_SECONDS);
      int attempts = intField(r, Fields.MAX_ATTEMPTS, 0, MAX_SECONDS, Retrier.DEFAULT_MAX_ATTEMPTS);
      double backoff = Retrier.DEFAULT_BACKOFF_RATE;
      if (r.has(Fields.BACKOFF_RATE)
          && r.checkNumber(
              Fields.BACKOFF_RATE,
              r.get(Fields.BACKOFF_RATE),
              false,
              new BigDecimal("1.0"),
              null)) {
        backoff = r.get(Fields.BACKOFF_RATE).doubleValue();
      }
      OptionalInt maxDelay =
          r.has(Fields.MAX_DELAY_SECONDS)
              ? OptionalInt.of(intField(r, Fields.MAX_DELAY_SECONDS, 1, MAX_DELAY_SECONDS_LIMIT, 0))
              : OptionalInt.empty();
      String jitter = r.oneOf(Fields.JITTER_STRATEGY, List.of("FULL", "NONE"));
      String comment = r.string(Fields.COMMENT);
      if (!o.cx.failedSince(mark)) {
        retriers.add(
            new Retrier(
                errors,
                interval,
                attempts,
                backoff,
                maxDelay,
                "FULL".equals(jitter) ? JitterStrategy.FULL : JitterStrategy.NONE,
                comment));
      }
    }
    return retriers;
  }

  /** The {@code Catch} array. */
  static List<Catcher> catchers(Obj o, QueryLanguage language) {
    ArrayNode array = o.array(Fields.CATCH);
    List<Catcher> catchers = new ArrayList<>();
    if (array == null) {
      return catchers;
    }
    for (int i = 0; i < array.size(); i++) {
      Obj c = o.element(Fields.CATCH, array, i);
      if (c == null) {
        continue;
      }
      int mark = o.cx.mark();
      c.checkFields(Schemas.CATCHER, language);
      List<String> errors = errorEquals(c, i == array.size() - 1, "Catcher");
      String next = c.requiredString(Fields.NEXT);
      ResultPathSpec resultPath =
          language == QueryLanguage.JSONPATH ? resultPath(c) : ResultPathSpec.REPLACE;
      Optional<Template> output =
          language == QueryLanguage.JSONATA
              ? template(
                  c,
                  Fields.OUTPUT,
                  language,
                  TemplateShape.ANY,
                  Expressions.StatesScope.ERROR_OUTPUT)
              : Optional.empty();
      Optional<Template> assign = assign(c, language, Expressions.StatesScope.ERROR_OUTPUT);
      String comment = c.string(Fields.COMMENT);
      if (!o.cx.failedSince(mark)) {
        catchers.add(new Catcher(errors, next, resultPath, output, assign, comment));
      }
    }
    return catchers;
  }

  private static List<String> errorEquals(Obj o, boolean last, String what) {
    List<String> names = new ArrayList<>();
    ArrayNode array = o.array(Fields.ERROR_EQUALS);
    if (array == null) {
      if (!o.has(Fields.ERROR_EQUALS)) {
        o.required(Fields.ERROR_EQUALS);
      }
      return names;
    }
    String at = o.at(Fields.ERROR_EQUALS);
    if (array.isEmpty()) {
      o.cx.schema("The field 'ErrorEquals' should be non-empty", at);
      return names;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode name = array.get(i);
      if (!name.isTextual()) {
        o.cx.schema(
            "The elements of the field 'ErrorEquals' must be strings", Pointer.child(at, i));
      } else {
        names.add(name.textValue());
      }
    }
    String all = StatesError.ALL.errorName();
    if (names.contains(all)) {
      if (array.size() > 1) {
        o.cx.schema("'" + all + "' must appear alone in the field 'ErrorEquals'", at);
      } else if (!last) {
        o.cx.schema("A " + what + " whose 'ErrorEquals' is '" + all + "' must be the last one", at);
      }
    }
    return names;
  }

  /** An integer field with a default; the default is answered when absent or invalid. */
  static int intField(Obj o, String field, long min, long max, int dflt) {
    JsonNode value = o.get(field);
    if (value == null
        || !o.checkNumber(field, value, true, BigDecimal.valueOf(min), BigDecimal.valueOf(max))) {
      return dflt;
    }
    return value.decimalValue().intValueExact();
  }
}
