/** HTTP conventions shared by every API: errors as precise JSON in German, never a stack trace. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package de.grantflow.web;
