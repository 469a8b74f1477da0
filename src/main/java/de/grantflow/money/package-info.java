/** Amounts of money as German readers and letters expect them. */
@org.springframework.modulith.ApplicationModule(displayName = "Money")
package de.grantflow.money;
