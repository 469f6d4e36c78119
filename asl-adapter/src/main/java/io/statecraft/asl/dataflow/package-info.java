/**
 * The data flow of a state as small pure functions over JSON: the JSONPath steps (InputPath,
 * Parameters, ResultSelector, ResultPath, OutputPath), the JSONata steps (Arguments, Output), the
 * context object ({@code $$}, {@code $states.context}), workflow variables with their scopes and
 * limits, payload sizes and timestamps. "Path not found" is a {@code MissingNode}, never a {@code
 * NullNode}.
 */
package io.statecraft.asl.dataflow;
