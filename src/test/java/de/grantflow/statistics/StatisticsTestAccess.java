package de.grantflow.statistics;

import de.grantflow.programme.Programme;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Lets tests in other packages read a programme's statistics without going through HTTP. */
@Component
@Profile("test")
public class StatisticsTestAccess {

    private final StatisticsQuery query;

    StatisticsTestAccess(StatisticsQuery query) {
        this.query = query;
    }

    public ProgrammeStatistics of(Programme programme, int from, int to) {
        return query.of(programme, from, to);
    }
}
