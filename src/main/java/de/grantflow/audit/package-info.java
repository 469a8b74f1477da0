/** The audit trail: every change of a case, login and download, kept in a tamper-evident hash chain. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package de.grantflow.audit;
