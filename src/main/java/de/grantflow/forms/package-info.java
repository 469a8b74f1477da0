/** Camunda Forms: the catalog of form files and their server-side validation, on every path into the engine. */
@org.springframework.modulith.ApplicationModule(displayName = "Forms")
package de.grantflow.forms;
