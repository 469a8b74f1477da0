/** Deadlines as the law computes them (§§ 187 ff. BGB, § 31 VwVfG) with the public holidays of each state. */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package de.grantflow.calendar;
