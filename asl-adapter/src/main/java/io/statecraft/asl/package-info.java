/** Statecraft asl-adapter. */
package io.statecraft.asl;
