/** Users, login and access: who may call which path, and who a caller is. */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package de.grantflow.security;
