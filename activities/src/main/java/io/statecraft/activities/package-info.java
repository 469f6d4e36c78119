/** Statecraft activities. */
package io.statecraft.activities;
