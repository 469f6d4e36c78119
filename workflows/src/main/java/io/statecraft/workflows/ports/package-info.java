/**
 * Temporal implementations of the interpreter core's ports: Task states as activities (with native
 * retry policies, Lambda envelopes, callbacks and child executions), Wait states and retry pauses
 * as durable timers, Parallel and Map states as workflow threads or child workflows, workflow time
 * and randomness, and the continue-as-new decision. Internal: not part of the contract.
 */
package io.statecraft.workflows.ports;
