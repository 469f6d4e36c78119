/**
 * The web console: a page served at {@code /} with its scripts and styles under {@code /console/},
 * drawing state machines and executions from the REST API. The files themselves live in {@code
 * static/}; this package only serves them.
 */
package io.statecraft.api.console;
