/** Data protection: closed cases are anonymised when their programme's retention period has run out. */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package de.grantflow.retention;
