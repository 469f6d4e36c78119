/**
 * The workflow implementations: {@link io.statecraft.workflows.interpreter.ExecutionWorkflowImpl},
 * a thin loop that compiles the definition once per run and hands it to the interpreter core over
 * the Temporal ports, and {@link io.statecraft.workflows.interpreter.MapBatchWorkflowImpl}, which
 * runs a batch of a large Map state's items. Internal: not part of the contract.
 */
package io.statecraft.workflows.interpreter;
