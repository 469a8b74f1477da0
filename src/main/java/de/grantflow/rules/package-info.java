/** A programme's DMN rules, evaluated through the engine, each evaluation kept on its case with inputs and rule. */
@org.springframework.modulith.ApplicationModule(displayName = "Rules")
package de.grantflow.rules;
