/**
 * The intrinsic functions of JSONPath states: the closed {@link
 * io.statecraft.asl.expr.intrinsic.IntrinsicFunction} enum, the call parser {@link
 * io.statecraft.asl.expr.intrinsic.IntrinsicParser}, one class per family (array, math, string,
 * JSON, encoding, hash, unique id) and {@link io.statecraft.asl.expr.intrinsic.AwsCauses}, every
 * cause text of the JSONPath query language. Randomness comes only from the {@code Entropy} port.
 * This package does not depend on the JSONPath compiler: path arguments are compiled through a
 * {@link io.statecraft.asl.expr.intrinsic.PathResolver} it is handed.
 */
package io.statecraft.asl.expr.intrinsic;
