/**
 * The immutable model of a state machine, as read from ASL and validated. Every path and expression
 * in it is already compiled. States are a sealed hierarchy ({@link
 * io.statecraft.asl.model.state.State}), so a switch over them needs no default branch and a new
 * state type breaks the build wherever it must be handled.
 */
package io.statecraft.asl.model;
