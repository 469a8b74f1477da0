/** The grant application (the case): drafting, submission, its status, timeline, decisions and letters. */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package de.grantflow.application;
