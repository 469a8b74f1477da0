package de.grantflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.statistics.ProgrammeStatistics.Totals;
import de.grantflow.statistics.ProgrammeStatistics.Year;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV of a programme's figures, written row by row so that a background export can tell how far it is. */
class StatisticsCsvTest {

    @Test
    void tellsAfterEachRowHowManyRowsAreWrittenUpToTheTotal() {
        ProgrammeStatistics statistics = new ProgrammeStatistics("kommin-nrw", 2024, 2026,
                List.of(year(2024, 3), year(2025, 0), year(2026, 7)),
                new Totals(10, 10, 5, 1, 0, 0, 4, 3, 3, 2, 5, new BigDecimal("1000.00"), new BigDecimal("750.50"),
                        BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.833")),
                Map.of(), null, Map.of(), List.of());
        List<Integer> reported = new ArrayList<>();

        String csv = StatisticsCsv.GERMAN.write(statistics, reported::add);

        assertThat(StatisticsCsv.rows(statistics)).isEqualTo(4);
        assertThat(reported).containsExactly(1, 2, 3, 4);
        assertThat(csv.lines().toList()).hasSize(5).last().asString()
                .isEqualTo("Gesamt;10;10;5;1;0;0;3;2;5;1000,00;750,50;0;0;0,833");
        assertThat(csv).isEqualTo(StatisticsCsv.GERMAN.write(statistics));
    }

    private static Year year(int year, long applications) {
        return new Year(year, applications, applications, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null);
    }
}
