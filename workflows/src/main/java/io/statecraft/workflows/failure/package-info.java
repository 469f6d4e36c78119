/**
 * The one place that reads Temporal's failure types: {@link
 * io.statecraft.workflows.failure.FailureMapper} turns activity, child workflow, timeout and
 * cancellation failures into ASL errors, and workflow and update failures into what clients answer.
 */
package io.statecraft.workflows.failure;
