/** The register of applicants: municipalities and districts by their official keys, loaded from reference data. */
@org.springframework.modulith.ApplicationModule(displayName = "Register")
package de.grantflow.register;
