/**
 * The implementation of {@link io.statecraft.workflows.StatecraftClient} over a Temporal {@code
 * WorkflowClient}. Internal: obtain a client with {@link
 * io.statecraft.workflows.StatecraftClients#create}.
 */
package io.statecraft.workflows.client;
