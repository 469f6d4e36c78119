/** A team's own ASL task worker: tasks as plain Java methods, run on the team's task queue. */
package io.statecraft.examples.customworker;
