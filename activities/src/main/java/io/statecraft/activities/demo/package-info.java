/**
 * In-memory services and tasks behind the showcase state machines in {@code examples/}; see {@link
 * io.statecraft.activities.demo.DemoServices}. Every side effect is applied once per idempotency
 * key ({@link io.statecraft.activities.demo.EffectLedger}), and the services expose counts of
 * applied effects so that tests can check "exactly once".
 */
package io.statecraft.activities.demo;
