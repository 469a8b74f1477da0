package de.grantflow.statistics;

import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A programme's figures as the caller may see them, by the rules of the statistics and evaluation API: in full for the
 * programme's managers and administrators, anonymised for its evaluators, refused to everyone else.
 */
@Component
public class ProgrammeFigures {

    private final StatisticsQuery query;
    private final ProgrammeCatalog programmes;
    private final ProgrammeAccess access;

    ProgrammeFigures(StatisticsQuery query, ProgrammeCatalog programmes, ProgrammeAccess access) {
        this.query = query;
        this.programmes = programmes;
        this.access = access;
    }

    /** The programmes whose figures the caller may see, in full or anonymised. */
    public List<Programme> visible() {
        return programmes.all().stream().filter(access::managesOrEvaluates).toList();
    }

    /** The programme if the caller may see its figures; refused (403) otherwise. */
    public Programme programme(String key) {
        return access.managedOrEvaluated(key);
    }

    /** The programme if the caller manages it; refused (403) otherwise, evaluators included. */
    public Programme managed(String key) {
        return access.managed(key);
    }

    /** The programme's figures over the years; refused (403) when the caller may not see them. */
    public Figures of(String key, YearRange years) {
        Programme programme = access.managedOrEvaluated(key);
        ProgrammeStatistics statistics = query.of(programme, years.from(), years.to());
        boolean full = access.manages(programme);
        return new Figures(programme, full ? statistics : statistics.anonymised(), !full);
    }

    /** What the caller sees of a programme; anonymised: without open work, workload and Kreis. */
    public record Figures(Programme programme, ProgrammeStatistics statistics, boolean anonymised) {
    }
}
