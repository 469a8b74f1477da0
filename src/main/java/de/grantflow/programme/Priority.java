package de.grantflow.programme;

/** A funding priority (Förderschwerpunkt or Projektschwerpunkt). */
public record Priority(String key, String label) {
}
