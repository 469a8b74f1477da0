package de.grantflow.register;

import de.grantflow.calendar.FederalState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks up applicants by their official key. The register changes only at start, so it is read once and kept in
 * memory; a reload swaps the whole map, so a reader never sees half of it.
 */
@Component
public class MunicipalityRegister {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityRegister.class);

    private final JdbcClient jdbc;
    private final RegisterLoader loader;
    private volatile Map<String, Municipality> byAgs = Map.of();

    MunicipalityRegister(JdbcClient jdbc, RegisterLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
    }

    /** Loads the reference data into the table and reads the table into memory. */
    void reload() {
        long started = System.nanoTime();
        int rows = loader.load();
        Map<String, Municipality> loaded = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT ags, name, name_suffix, kind, kreis_ags, kreis_name, regierungsbezirk, state, population
                FROM municipality ORDER BY ags""")
                .query(MunicipalityRegister::map)
                .list()
                .forEach(m -> loaded.put(m.ags(), m));
        byAgs = Collections.unmodifiableMap(loaded);
        log.info("Register loaded: {} reference rows, {} in the table, {} ms", rows, loaded.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public Optional<Municipality> find(String ags) {
        return ags == null ? Optional.empty() : Optional.ofNullable(byAgs.get(ags));
    }

    /** The municipality with the key; an unknown key is a caller's error. */
    public Municipality get(String ags) {
        return find(ags).orElseThrow(() -> new IllegalArgumentException("Unbekannter Gemeindeschlüssel: " + ags));
    }

    /** Every Gemeinde and Kreis of the state, ordered by key. */
    public List<Municipality> all(FederalState state) {
        return byAgs.values().stream().filter(m -> m.state() == state).toList();
    }

    public int count() {
        return byAgs.size();
    }

    private static Municipality map(ResultSet rs, int row) throws SQLException {
        return new Municipality(rs.getString("ags"), rs.getString("name"), rs.getString("name_suffix"),
                MunicipalityKind.valueOf(rs.getString("kind")), rs.getString("kreis_ags"), rs.getString("kreis_name"),
                rs.getString("regierungsbezirk"), FederalState.valueOf(rs.getString("state")),
                rs.getObject("population", Integer.class));
    }
}
