/**
 * Programme statistics for programme managers: a read model of every case (live and historic), kept current from the
 * case events inside the transactions that change the cases (a submission from the start of its procedure), with
 * aggregates kept by deltas; the statistics API (JSON and CSV) and the import of a programme's history from earlier
 * systems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package de.grantflow.statistics;
