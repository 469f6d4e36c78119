/**
 * The test kit: run a whole state machine against your own tasks in a JUnit test, in-process, on
 * Temporal's test environment with time skipping ({@link
 * io.statecraft.workflows.testing.StatecraftTestKit}). Add {@code io.temporal:temporal-testing} to
 * your test dependencies to use it.
 */
package io.statecraft.workflows.testing;
