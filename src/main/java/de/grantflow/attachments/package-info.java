/** Documents handed in with a case: accepted only when their content is a harmless document of an allowed type. */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package de.grantflow.attachments;
