/** The reviewer workspace: the worklist, the case dossier and the task forms of the authority's staff, as pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package de.grantflow.workspace;
