/**
 * The fraud-detection demo: {@link io.statecraft.activities.demo.fraud.FraudTasks}, scoring rules,
 * the decision log and the manual-review inbox.
 */
package io.statecraft.activities.demo.fraud;
