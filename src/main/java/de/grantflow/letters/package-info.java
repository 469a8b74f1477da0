/** Letters: German PDF/A letters in DIN 5008 layout, rendered once per step and stored unchanged with their hash. */
@org.springframework.modulith.ApplicationModule(displayName = "Letters")
package de.grantflow.letters;
