/**
 * The ETL demo: {@link io.statecraft.activities.demo.etl.EtlTasks} over {@link
 * io.statecraft.activities.demo.etl.RecordStore}.
 */
package io.statecraft.activities.demo.etl;
