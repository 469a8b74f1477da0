/** The worklist: the user tasks of the procedure that the caller may see, claim and complete. */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package de.grantflow.tasks;
