package de.grantflow.tasks;

import java.util.List;

/** One page of the worklist, and whether another follows. */
public record WorklistPage(List<WorkTask> tasks, boolean more) {
}
