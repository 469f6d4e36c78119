package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Parser;
import io.statecraft.asl.expr.ExpressionException;
import java.util.List;
import java.util.Set;

/**
 * A parsed JSONata expression and what was learnt about it when it was parsed: the names it reads
 * (so that evaluation binds exactly those), which fields of {@code $states} it reads, and its
 * comparison operator. Immutable and safe to evaluate from many threads at once.
 */
final class CompiledJsonata {

  private final String text;
  private final Jsonata jsonata;
  private final List<String> names;
  private final Set<String> statesFields;
  private final boolean wholeStates;
  private final String comparisonOperator;

  private CompiledJsonata(String text, Jsonata jsonata, Ast.Facts facts) {
    this.text = text;
    this.jsonata = jsonata;
    this.names = List.copyOf(facts.variables());
    this.statesFields = Set.copyOf(facts.statesFields());
    this.wholeStates = facts.wholeStates();
    this.comparisonOperator = facts.comparisonOperator();
  }

  /**
   * Parses {@code text}, a JSONata expression without its {@code {% %}} delimiters.
   *
   * @throws ExpressionException INVALID_JSONATA when it does not parse as JSONata 2.0.6,
   *     UNSUPPORTED_JSONATA when it reads the input document at its top level, which Step Functions
   *     does not provide
   */
  static CompiledJsonata compile(String text) throws ExpressionException {
    Parser.Symbol root;
    Jsonata jsonata;
    // The library's tokenizer reads past the end of an expression that ends in a regular
    // expression literal; trailing whitespace changes nothing else.
    String source = text + " ";
    try {
      root = new Parser().parse(source);
      jsonata = Jsonata.jsonata(source);
    } catch (JException e) {
      throw invalid(ErrorMessages.syntaxMessage(e, text), e, text);
    } catch (VirtualMachineError e) {
      if (!(e instanceof StackOverflowError)) {
        throw e;
      }
      throw invalid("Syntax error: the expression cannot be parsed", e, text);
    } catch (RuntimeException | Error e) {
      // Parser defects surface as other exceptions, or as plain Errors.
      throw invalid("Syntax error: the expression cannot be parsed", e, text);
    } finally {
      // The library keeps, per thread, the instance its evaluator runs on, and the last instance
      // constructed on a thread becomes it. Evaluating an expression on the thread that compiled it
      // would then rewrite that expression's own root scope on every call, chaining scopes without
      // end. Constructing a throwaway instance last keeps every compiled expression out of that
      // role.
      Jsonata.jsonata("0");
    }
    Ast.Facts facts = Ast.analyse(root);
    for (int position : facts.conditionPositions()) {
      // JSONata 2.1 added ?? and ?: ; AWS runs 2.0.6, whose parser rejects them.
      if (text.startsWith("??", position - 2)) {
        throw invalid("The symbol \"?\" cannot be used as a unary operator", null, text);
      }
      if (text.startsWith("?:", position - 2)) {
        throw invalid("The symbol \":\" cannot be used as a unary operator", null, text);
      }
    }
    if (!facts.topLevelReferences().isEmpty()) {
      String name = facts.topLevelReferences().get(0);
      String message =
          name.equals("$$")
              ? "Reference to '$$' is not supported: it refers to the input document, which JSONata"
                  + " expressions in Step Functions do not have."
              : "Reference to '" + name + "' at the top level is not supported.";
      throw new ExpressionException(ExpressionException.Kind.UNSUPPORTED_JSONATA, message);
    }
    return new CompiledJsonata(text, jsonata, facts);
  }

  private static ExpressionException invalid(String message, Throwable cause, String text) {
    String where = "";
    if (cause instanceof JException je && je.getLocation() >= 0) {
      where = " at position " + je.getLocation();
    }
    return new ExpressionException(
        ExpressionException.Kind.INVALID_JSONATA,
        message,
        new IllegalArgumentException(
            "JSONata syntax error" + where + " in '" + text + "': " + message, cause));
  }

  String text() {
    return text;
  }

  /** Every variable and function name the expression reads, in writing order. */
  List<String> names() {
    return names;
  }

  /** The fields of {@code $states} the expression reads by name ({@code $states.input}). */
  Set<String> statesFields() {
    return statesFields;
  }

  /** Whether evaluation must provide {@code $states.<field>}. */
  boolean readsState(String field) {
    return wholeStates || statesFields.contains(field);
  }

  /** Whether the expression uses {@code $states} other than by naming one of its fields. */
  boolean readsWholeStates() {
    return wholeStates;
  }

  String comparisonOperator() {
    return comparisonOperator;
  }

  /**
   * Evaluates with the bindings of {@code evaluation}. Returns the result in the library's form,
   * with {@link Jsonata#NULL_VALUE} for JSON null and Java {@code null} for undefined; lets the
   * library's exceptions through.
   */
  Object evaluate(Evaluation evaluation) {
    Jsonata.Frame frame = evaluation.frame(this);
    // No input document: Step Functions expressions read data through $states and variables.
    return evaluation.result(jsonata.evaluate(null, frame));
  }
}
