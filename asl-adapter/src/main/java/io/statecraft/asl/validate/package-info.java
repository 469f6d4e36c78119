/**
 * Diagnostics for state machine definitions, shaped like AWS {@code
 * ValidateStateMachineDefinition}: {@link io.statecraft.asl.validate.Diagnostic} with AWS's {@link
 * io.statecraft.asl.validate.DiagnosticCode codes} and JSON-pointer locations, the {@link
 * io.statecraft.asl.validate.ValidationResult result} and its {@link
 * io.statecraft.asl.validate.ValidationOptions options}, and the {@link
 * io.statecraft.asl.validate.GraphChecker graph checks} that run once every field has been checked.
 */
package io.statecraft.asl.validate;
