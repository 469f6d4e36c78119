/**
 * In-memory ports: tasks as Java lambdas, a virtual clock, seeded entropy, sequential branches and
 * a history recorder, bundled by {@link io.statecraft.asl.interpret.memory.InMemoryRunner} to run
 * whole state machines, or one state (TestState), without Temporal and without real waiting.
 */
package io.statecraft.asl.interpret.memory;
