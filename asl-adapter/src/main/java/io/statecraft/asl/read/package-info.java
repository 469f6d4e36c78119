/**
 * Reading Amazon States Language definitions into the {@link io.statecraft.asl.model model}: {@link
 * io.statecraft.asl.read.AslReader} is the entry point; one package-private reader per state type
 * does the work, with the field names in {@code Fields} and the fields each object supports in
 * {@code Schemas}.
 */
package io.statecraft.asl.read;
