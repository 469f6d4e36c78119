/**
 * Every {@code Workflow.getVersion} change id of the Statecraft workflows, in one place: {@link
 * io.statecraft.workflows.versioning.Changes}.
 */
package io.statecraft.workflows.versioning;
