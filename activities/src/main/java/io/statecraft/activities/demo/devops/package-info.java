/**
 * The DevOps demo's fake deploy/health API: {@link
 * io.statecraft.activities.demo.devops.DevOpsDemoApi} over {@link
 * io.statecraft.activities.demo.devops.DeploymentService}.
 */
package io.statecraft.activities.demo.devops;
