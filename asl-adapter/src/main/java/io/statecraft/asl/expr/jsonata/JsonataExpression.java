package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.expr.EvaluationScope;
import io.statecraft.asl.expr.Expression;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled JSONata expression: the body of a {@code {% ... %}} string, parsed once.
 *
 * <p>The expression is evaluated with no input document. {@code $states} holds {@code input},
 * {@code result}, {@code errorOutput} and {@code context} from the {@link EvaluationScope}, each
 * only where the scope has it (a {@code MissingNode} leaves the field out, so referring to it
 * yields undefined); any other {@code $name} is the workflow variable of that name, then one of the
 * functions Step Functions adds, then a JSONata built-in. {@code $now()}, {@code $millis()}, {@code
 * $random()}, {@code $uuid()} and {@code $shuffle()} read the scope's clock and entropy ports.
 *
 * <p>Failures are {@code States.QueryEvaluationError} with AWS's cause, naming this expression and
 * its {@link #field()}. Instances are immutable and may be evaluated from many threads at once.
 */
public final class JsonataExpression implements Expression {

  private final CompiledJsonata compiled;
  private final String field;

  JsonataExpression(CompiledJsonata compiled, String field) {
    this.compiled = compiled;
    this.field = field == null ? "" : field;
  }

  /** The expression as written between the delimiters, without surrounding whitespace. */
  @Override
  public String text() {
    return compiled.text();
  }

  /** The field AWS names in error causes ({@code Items}, {@code Seconds}, ...), or empty. */
  public String field() {
    return field;
  }

  /** The same compiled expression, naming {@code field} in its error causes. */
  public JsonataExpression withField(String field) {
    return Objects.equals(this.field, field) ? this : new JsonataExpression(compiled, field);
  }

  /**
   * The fields of {@code $states} the expression reads by name, such as {@code input} for {@code
   * $states.input.x}: what the reader checks against the fields AWS makes available where the
   * expression is written.
   */
  public Set<String> statesFields() {
    return compiled.statesFields();
  }

  /** Whether the expression uses {@code $states} as a whole, not only through named fields. */
  public boolean readsWholeStates() {
    return compiled.readsWholeStates();
  }

  /**
   * Evaluates the expression. An undefined result is {@link MissingNode}; the caller turns it into
   * the error its field calls for ({@link JsonataErrors#returnedNothing} in most fields).
   *
   * @throws AslFailure {@code States.QueryEvaluationError} when evaluation fails or the result is
   *     not JSON
   */
  @Override
  public JsonNode evaluate(EvaluationScope scope) {
    return evaluate(new Evaluation(scope), field, "");
  }

  /**
   * Evaluates the expression, failing as AWS does when the result is undefined: {@code The JSONata
   * expression '...' specified for the field '...' returned nothing (undefined).}
   */
  public JsonNode evaluateDefined(EvaluationScope scope) {
    JsonNode value = evaluate(scope);
    if (value.isMissingNode()) {
      throw JsonataErrors.failure(JsonataErrors.returnedNothing(text(), field));
    }
    return value;
  }

  @Override
  public String toString() {
    return "{% " + text() + " %}";
  }

  /**
   * Evaluates within {@code evaluation}, naming {@code root + relative} in causes; the label is
   * built only when one is needed.
   */
  JsonNode evaluate(Evaluation evaluation, String root, String relative) {
    Object result;
    try {
      result = compiled.evaluate(evaluation);
    } catch (Limits.Exceeded e) {
      throw failure(root, relative, ": " + e.text());
    } catch (JException e) {
      throw failure(root, relative, describe(e));
    } catch (StackOverflowError e) {
      throw failure(root, relative, ": " + Limits.STACK_OVERFLOW);
    } catch (OutOfMemoryError e) {
      throw failure(root, relative, ": " + Limits.MEMORY);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // The library throws plain Errors for some bad arguments ($contains with a function).
      throw unexpected(e, root, relative);
    }
    if (result == null) {
      return MissingNode.getInstance();
    }
    try {
      return JsonValues.toJson(result);
    } catch (JsonValues.UnsupportedResult e) {
      throw JsonataErrors.failure(
          JsonataErrors.unsupportedResultType(text(), label(root, relative)));
    } catch (JsonValues.NonFiniteResult e) {
      throw failure(
          root,
          relative,
          ". D1001: Number out of range: " + JsText.number(((Number) e.value()).doubleValue()));
    } catch (StackOverflowError e) {
      throw failure(root, relative, ": " + Limits.STACK_OVERFLOW);
    }
  }

  private String describe(JException e) {
    return ErrorMessages.detail(e, text(), compiled.comparisonOperator()).causeTail();
  }

  /**
   * A non-JSONata exception: the library wraps its own exceptions when they cross a sort comparator
   * or a reflective call, and throws plain exceptions for some errors the reference implementation
   * codes. Anything else is a defect of the library, reported as AWS reports its internal errors.
   */
  private AslFailure unexpected(Throwable e, String root, String relative) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Limits.Exceeded limit) {
        return failure(root, relative, ": " + limit.text());
      }
      if (t instanceof JException je) {
        return failure(root, relative, describe(je));
      }
      String code = ErrorMessages.codeOf(t.getMessage());
      if (code != null) {
        return failure(root, relative, ". " + code + ": " + t.getMessage());
      }
    }
    return JsonataErrors.failure(JsonataErrors.internal(text(), label(root, relative)));
  }

  private AslFailure failure(String root, String relative, String detail) {
    return JsonataErrors.failure(JsonataErrors.threw(text(), label(root, relative), detail));
  }

  /** {@code Output} + {@code /a/b[0]}; without a root, the relative path alone. */
  static String label(String root, String relative) {
    if (root.isEmpty()) {
      return relative.startsWith("/") ? relative.substring(1) : relative;
    }
    return root + relative;
  }
}
