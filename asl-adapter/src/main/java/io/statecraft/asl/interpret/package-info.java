/**
 * The interpreter core: {@link io.statecraft.asl.interpret.Interpreter} runs any state machine over
 * {@link io.statecraft.asl.interpret.Ports}, deterministically, as a plain blocking loop that can
 * run inside a Temporal workflow thread.
 *
 * <p>The ports: {@link io.statecraft.asl.interpret.Tasks} (Task states, with optional native retry
 * policies), {@link io.statecraft.asl.interpret.Timers} (Wait states and retry pauses), {@link
 * io.statecraft.asl.interpret.Branches} (Parallel branches and Map iterations, each given both as
 * an in-process body and as a serialisable {@link io.statecraft.asl.interpret.BranchSpec}), {@link
 * io.statecraft.asl.interpret.Observer} (history events, numbered by the core as AWS numbers them),
 * {@link io.statecraft.asl.interpret.Suspension} (continue-as-new), and the clock and entropy of
 * {@code io.statecraft.asl.port}.
 *
 * <p>The pure decisions live here too: {@link io.statecraft.asl.interpret.ChoiceEvaluator} and
 * {@link io.statecraft.asl.interpret.RetryDecisions}; error matching is {@link
 * io.statecraft.asl.error.ErrorMatcher}. {@code interpret.memory} holds in-memory ports for tests
 * and TestState-style evaluation.
 */
package io.statecraft.asl.interpret;
