/**
 * The ports through which the engine reaches the world. The core never reads a wall clock, never
 * creates a {@code Random} and never does I/O itself: it goes through these interfaces, which tests
 * implement in memory and the workflows module implements with Temporal.
 */
package io.statecraft.asl.port;
