package io.statecraft.api.statemachines;

/** A key-value tag on a resource. */
public record Tag(String key, String value) {}
