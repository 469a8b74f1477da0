/** The BPMN edge: starts the grant procedure and connects its service tasks and task listeners to the case. */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure")
package de.grantflow.procedure;
