/**
 * The programme manager dashboard: a programme's figures as pages with tables and charts, and as a CSV for Excel, by
 * the access rules of the statistics module (anonymised for evaluators).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package de.grantflow.dashboard;
