/** The applicant portal: a municipality's cases, open calls, application forms, tasks and letters as web pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Antragsportal")
package de.grantflow.portal;
