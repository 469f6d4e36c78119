/**
 * Tasks the platform provides: {@link io.statecraft.activities.builtin.HttpInvokeActivity} for
 * {@code arn:aws:states:::http:invoke}, configured by {@link
 * io.statecraft.activities.builtin.HttpTaskSettings} with connections whose secrets are {@link
 * io.statecraft.activities.builtin.Secret} references.
 */
package io.statecraft.activities.builtin;
