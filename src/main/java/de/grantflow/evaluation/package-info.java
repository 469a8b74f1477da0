/**
 * Project evaluation: after the proof of use the municipality reports the programme's indicators and its own view of
 * the goals reached, the authority rates the goal achievement, and an Evaluationsbogen is written.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package de.grantflow.evaluation;
