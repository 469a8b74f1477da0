package de.grantflow.statistics;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Folds the pending deltas into the aggregates every second (on any node; each delta is moved exactly once). */
@Component
class StatisticsFolder {

    private final StatisticsStore store;

    StatisticsFolder(StatisticsStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${grantflow.statistics.fold-millis:1000}")
    @Transactional
    public void fold() {
        store.fold();
    }
}
