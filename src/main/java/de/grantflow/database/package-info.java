/** The PostgreSQL database: an embedded, durable server by default, an external one by configuration. */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package de.grantflow.database;
