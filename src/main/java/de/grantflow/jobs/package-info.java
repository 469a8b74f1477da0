/**
 * Long work in the background (imports, reports) with its progress visible while it runs: a job per piece of work,
 * its counts written in their own short transactions, its result kept for its owner to download.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Background jobs")
package de.grantflow.jobs;
