package de.grantflow.register;

import de.grantflow.calendar.FederalState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks up applicants by their official key. The register is small and changes only at start, so it is cached. */
@Component
public class MunicipalityRegister {

    private final JdbcClient jdbc;
    private final RegisterLoader loader;
    private final Map<String, Municipality> byAgs = new ConcurrentHashMap<>();

    MunicipalityRegister(JdbcClient jdbc, RegisterLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
    }

    /** Before the application takes requests: load the reference data, then read it once. */
    @EventListener(ApplicationStartedEvent.class)
    void loadAtStart() {
        loader.load();
        byAgs.clear();
        jdbc.sql("SELECT * FROM municipality").query(MunicipalityRegister::map).list()
                .forEach(m -> byAgs.put(m.ags(), m));
    }

    public Optional<Municipality> find(String ags) {
        return ags == null ? Optional.empty() : Optional.ofNullable(byAgs.get(ags));
    }

    public Municipality get(String ags) {
        return find(ags).orElseThrow(() -> new IllegalArgumentException("Unbekannter Gemeindeschlüssel: " + ags));
    }

    public List<Municipality> all(FederalState state) {
        return byAgs.values().stream().filter(m -> m.state() == state)
                .sorted(Comparator.comparing(Municipality::ags)).toList();
    }

    public int count() {
        return byAgs.size();
    }

    private static Municipality map(ResultSet rs, int row) throws SQLException {
        return new Municipality(rs.getString("ags"), rs.getString("name"), rs.getString("name_suffix"),
                MunicipalityKind.valueOf(rs.getString("kind")), rs.getString("kreis_ags"), rs.getString("kreis_name"),
                rs.getString("regierungsbezirk"), FederalState.valueOf(rs.getString("state")),
                (Integer) rs.getObject("population"));
    }
}
