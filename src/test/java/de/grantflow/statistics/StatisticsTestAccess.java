package de.grantflow.statistics;

import de.grantflow.programme.Programme;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lets tests in other packages read a programme's statistics without going through HTTP. */
@Component
@Profile("test")
public class StatisticsTestAccess {

    private final StatisticsQuery query;
    private final StatisticsStore store;
    private final SyntheticHistory synthetic;
    private final JdbcClient jdbc;

    StatisticsTestAccess(StatisticsQuery query, StatisticsStore store, SyntheticHistory synthetic, JdbcClient jdbc) {
        this.query = query;
        this.store = store;
        this.synthetic = synthetic;
        this.jdbc = jdbc;
    }

    /** Every aggregate row of the programme with a count or amount other than zero, as text in a stable order. */
    public String aggregates(String programme) {
        store.fold();
        StringBuilder all = new StringBuilder();
        java.util.Map<String, Integer> keyColumns = new java.util.LinkedHashMap<>();
        keyColumns.put("stats_year", 2);
        keyColumns.put("stats_municipality_year", 3);
        keyColumns.put("stats_breakdown", 4);
        keyColumns.put("stats_duration", 4);
        keyColumns.forEach((table, keys) -> jdbc.sql("SELECT * FROM " + table + " WHERE programme_key = :p"
                        + " ORDER BY 1, 2, 3, 4").param("p", programme).query((rs, n) -> {
                    StringBuilder row = new StringBuilder(table);
                    boolean zero = true;
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        Object value = rs.getObject(c);
                        if (value instanceof java.math.BigDecimal d) {
                            value = d.stripTrailingZeros().toPlainString();
                        }
                        if (c > keys && !"0".equals(String.valueOf(value))) {
                            zero = false;
                        }
                        row.append('|').append(value);
                    }
                    // a row whose counts all fell back to zero says the same as a row never written
                    return zero ? "" : row.append('\n').toString();
                }).list().forEach(all::append));
        return all.toString();
    }

    public void rebuild(String programme) {
        store.rebuild(programme);
    }

    public int synthetic(String programme, String state, int cases) {
        return synthetic.generate(programme, state, cases);
    }

    public ProgrammeStatistics of(Programme programme, int from, int to) {
        return query.of(programme, from, to);
    }
}
