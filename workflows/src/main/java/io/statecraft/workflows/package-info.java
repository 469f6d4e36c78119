/** Statecraft workflows. */
package io.statecraft.workflows;
