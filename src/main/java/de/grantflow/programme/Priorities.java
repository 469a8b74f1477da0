package de.grantflow.programme;

import java.util.List;

/** The programme's funding and project priorities. */
public record Priorities(List<Priority> foerderschwerpunkte, List<Priority> projektschwerpunkte) {
}
