/**
 * Runtime errors by ASL name: {@link io.statecraft.asl.error.AslError}, the one exception {@link
 * io.statecraft.asl.error.AslFailure} and the predefined {@link
 * io.statecraft.asl.error.StatesError} names.
 */
package io.statecraft.asl.error;
