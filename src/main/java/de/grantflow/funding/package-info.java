/**
 * After the grant: the funding period with payouts (Mittelabruf, two-month rule, § 49a (4) interest), change requests
 * (20 % rule, Änderungsbescheid), interim and final reports, the check of the proof of use, recovery with interest at
 * five points above the base rate, and closure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding")
package de.grantflow.funding;
