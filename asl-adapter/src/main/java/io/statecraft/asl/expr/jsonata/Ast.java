package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.Parser;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the library's parse tree. {@link Parser#parse(String)} is public but the tree's fields are
 * package-private, so they are read reflectively; all of them are resolved once, when this class
 * loads, so that a library upgrade that renames one fails every compilation loudly instead of
 * silently finding no references. Only compilation uses this class, never evaluation.
 */
final class Ast {

  /** What compilation needs to know about an expression. */
  record Facts(
      Set<String> variables,
      Set<String> statesFields,
      boolean wholeStates,
      List<String> topLevelReferences,
      List<Integer> conditionPositions,
      String comparisonOperator) {}

  /** Fields that hold sub-expressions: walked to find every variable the expression names. */
  private static final List<String> CHILDREN =
      List.of(
          "steps",
          "lhs",
          "rhs",
          "expression",
          "expressions",
          "procedure",
          "arguments",
          "body",
          "condition",
          "then",
          "_else",
          "predicate",
          "stages",
          "expr",
          "group",
          "lhsObject",
          "rhsObject",
          "terms",
          "rhsTerms",
          "pattern",
          "update",
          "delete",
          "nextFunction");

  /** The symbol's fields the walk reads: its kind, value and position, and its children. */
  private static final Map<String, Field> FIELDS =
      resolve(
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of("type", "value", "position"), CHILDREN.stream())
              .toArray(String[]::new));

  private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=");

  private Ast() {}

  private static Map<String, Field> resolve(String... names) {
    Map<String, Field> fields = new java.util.TreeMap<>();
    for (String name : names) {
      try {
        Field field = Parser.Symbol.class.getDeclaredField(name);
        field.setAccessible(true);
        fields.put(name, field);
      } catch (NoSuchFieldException | RuntimeException e) {
        throw new IllegalStateException(
            "The JSONata library's parse tree has no readable field '"
                + name
                + "'; the expression analysis must be adapted to this library version",
            e);
      }
    }
    return Map.copyOf(fields);
  }

  private static Object read(Parser.Symbol node, String field) {
    try {
      return FIELDS.get(field).get(node);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read the JSONata parse tree field " + field, e);
    }
  }

  static String type(Parser.Symbol node) {
    return node == null ? null : (String) read(node, "type");
  }

  static Object value(Parser.Symbol node) {
    return read(node, "value");
  }

  static int position(Parser.Symbol node) {
    return (Integer) read(node, "position");
  }

  private static Parser.Symbol child(Parser.Symbol node, String field) {
    Object v = read(node, field);
    return v instanceof Parser.Symbol s ? s : null;
  }

  private static List<Parser.Symbol> children(Parser.Symbol node, String field) {
    Object v = read(node, field);
    if (!(v instanceof Collection<?> c)) {
      return List.of();
    }
    List<Parser.Symbol> out = new ArrayList<>(c.size());
    for (Object o : c) {
      if (o instanceof Parser.Symbol s) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<Parser.Symbol[]> pairs(Parser.Symbol node, String field) {
    Object v = read(node, field);
    if (!(v instanceof Collection<?> c)) {
      return List.of();
    }
    List<Parser.Symbol[]> out = new ArrayList<>(c.size());
    for (Object o : c) {
      if (o instanceof Parser.Symbol[] pair) {
        out.add(pair);
      }
    }
    return out;
  }

  /** Analyses a parsed expression. */
  static Facts analyse(Parser.Symbol root) {
    Walk walk = new Walk();
    walk.visit(root);
    List<String> topLevel = new ArrayList<>();
    collectTopLevel(root, topLevel);
    String comparison = walk.comparisons.size() == 1 ? walk.comparisons.iterator().next() : null;
    return new Facts(
        Collections.unmodifiableSet(walk.variables),
        Collections.unmodifiableSet(walk.statesFields),
        walk.wholeStates,
        List.copyOf(topLevel),
        List.copyOf(walk.conditionPositions),
        comparison);
  }

  /** A walk over every sub-expression, collecting what evaluation needs to bind. */
  private static final class Walk {
    final Set<String> variables = new LinkedHashSet<>();
    final Set<String> statesFields = new LinkedHashSet<>();
    final Set<String> comparisons = new LinkedHashSet<>();
    final List<Integer> conditionPositions = new ArrayList<>();
    boolean wholeStates;
    private final Set<Parser.Symbol> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Parser.Symbol> statesSteps =
        Collections.newSetFromMap(new IdentityHashMap<>());

    void visit(Parser.Symbol node) {
      if (node == null || !seen.add(node)) {
        return;
      }
      String type = type(node);
      if ("path".equals(type)) {
        notePathIntoStates(node);
      } else if ("variable".equals(type)) {
        Object name = value(node);
        if (name instanceof String s && !s.isEmpty() && !s.equals("$")) {
          variables.add(s);
          if (s.equals("states") && !statesSteps.contains(node)) {
            wholeStates = true;
          }
        }
      } else if ("binary".equals(type) && COMPARISONS.contains(String.valueOf(value(node)))) {
        comparisons.add(String.valueOf(value(node)));
      } else if ("condition".equals(type)) {
        // The tree keeps no trace of which operator made a condition; its position (just after the
        // operator token) lets the caller look at the text.
        conditionPositions.add(position(node));
      }
      for (String field : CHILDREN) {
        Object v = read(node, field);
        if (v instanceof Parser.Symbol s) {
          visit(s);
        } else if (v instanceof Collection<?> c) {
          for (Object o : c) {
            if (o instanceof Parser.Symbol s) {
              visit(s);
            } else if (o instanceof Parser.Symbol[] pair) {
              for (Parser.Symbol p : pair) {
                visit(p);
              }
            }
          }
        }
      }
    }

    /** {@code $states.input...}: records the field, so that only it is converted. */
    private void notePathIntoStates(Parser.Symbol path) {
      List<Parser.Symbol> steps = children(path, "steps");
      if (steps.size() >= 2
          && "variable".equals(type(steps.get(0)))
          && "states".equals(value(steps.get(0)))
          && "name".equals(type(steps.get(1)))
          && children(steps.get(0), "stages").isEmpty()
          && children(steps.get(0), "predicate").isEmpty()
          && read(steps.get(0), "group") == null) {
        statesSteps.add(steps.get(0));
        statesFields.add(String.valueOf(value(steps.get(1))));
      }
    }
  }

  /**
   * The references an expression makes to the input document at its top level, in writing order:
   * unqualified field names, {@code $} and {@code $$}. Only the first step of a path reads the
   * top-level context; later steps, predicates, sort terms and grouping read the value the step
   * before them produced. A function body keeps the context of the expression that defines it.
   */
  private static void collectTopLevel(Parser.Symbol node, List<String> out) {
    String type = type(node);
    if (type == null) {
      return;
    }
    switch (type) {
      case "path" -> {
        List<Parser.Symbol> steps = children(node, "steps");
        if (!steps.isEmpty()) {
          collectTopLevel(steps.get(0), out);
        }
      }
      case "name" -> add(out, String.valueOf(value(node)));
      case "variable" -> {
        Object name = value(node);
        if ("".equals(name)) {
          add(out, "$");
        } else if ("$".equals(name)) {
          add(out, "$$");
        }
      }
      case "unary" -> {
        String op = String.valueOf(value(node));
        if (op.equals("[")) {
          for (Parser.Symbol item : children(node, "expressions")) {
            collectTopLevel(item, out);
          }
        } else if (op.equals("{")) {
          for (Parser.Symbol[] pair : pairs(node, "lhsObject")) {
            for (Parser.Symbol p : pair) {
              collectTopLevel(p, out);
            }
          }
        } else {
          collectTopLevel(child(node, "expression"), out);
        }
      }
      case "binary", "apply" -> {
        collectTopLevel(child(node, "lhs"), out);
        collectTopLevel(child(node, "rhs"), out);
      }
      case "function", "partial" -> {
        collectTopLevel(child(node, "procedure"), out);
        for (Parser.Symbol arg : children(node, "arguments")) {
          collectTopLevel(arg, out);
        }
      }
      case "lambda" -> collectTopLevel(child(node, "body"), out);
      case "condition" -> {
        collectTopLevel(child(node, "condition"), out);
        collectTopLevel(child(node, "then"), out);
        collectTopLevel(child(node, "_else"), out);
      }
      case "block" -> {
        for (Parser.Symbol item : children(node, "expressions")) {
          collectTopLevel(item, out);
        }
      }
      case "bind" -> collectTopLevel(child(node, "rhs"), out);
      default -> {
        // literals, regexes, wildcards, descendants and transforms read no top-level context
      }
    }
  }

  private static void add(List<String> out, String name) {
    if (!out.contains(name)) {
      out.add(name);
    }
  }
}
