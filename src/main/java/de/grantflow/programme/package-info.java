/** Grant programmes as data: descriptors with calls, financing, deadlines and letter texts, and their budgets. */
@org.springframework.modulith.ApplicationModule(displayName = "Programmes")
package de.grantflow.programme;
