package io.statecraft.asl.model;

import io.statecraft.asl.expr.Template;
import java.util.Objects;
import java.util.Optional;

/**
 * How data moves through a state. A JSONPath state uses InputPath, Parameters, ResultSelector,
 * ResultPath and OutputPath; a JSONata state uses Arguments and Output. Fields a state type does
 * not allow are always empty, the reader having reported them.
 */
public sealed interface DataFlow permits DataFlow.JsonPath, DataFlow.Jsonata {

  /** The JSONPath data-flow fields. */
  record JsonPath(
      PathSpec inputPath,
      Optional<Template> parameters,
      Optional<Template> resultSelector,
      ResultPathSpec resultPath,
      PathSpec outputPath)
      implements DataFlow {

    public static final JsonPath DEFAULT =
        new JsonPath(
            PathSpec.IDENTITY,
            Optional.empty(),
            Optional.empty(),
            ResultPathSpec.REPLACE,
            PathSpec.IDENTITY);

    public JsonPath {
      Objects.requireNonNull(inputPath, "inputPath");
      Objects.requireNonNull(parameters, "parameters");
      Objects.requireNonNull(resultSelector, "resultSelector");
      Objects.requireNonNull(resultPath, "resultPath");
      Objects.requireNonNull(outputPath, "outputPath");
    }
  }

  /** The JSONata data-flow fields. */
  record Jsonata(Optional<Template> arguments, Optional<Template> output) implements DataFlow {

    public static final Jsonata DEFAULT = new Jsonata(Optional.empty(), Optional.empty());

    public Jsonata {
      Objects.requireNonNull(arguments, "arguments");
      Objects.requireNonNull(output, "output");
    }
  }
}
