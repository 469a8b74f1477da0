package de.grantflow.register;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the reference data into the table in one batch and one transaction. It upserts and never deletes: a key that
 * leaves the files (after a merger of Gemeinden) stays, because applications and users refer to it.
 */
@Component
class RegisterLoader {

    private static final String UPSERT = """
            INSERT INTO municipality (ags, name, name_suffix, kind, kreis_ags, kreis_name, regierungsbezirk, state,
                population)
            VALUES (:ags, :name, :nameSuffix, :kind, :kreisAgs, :kreisName, :regierungsbezirk, :state, :population)
            ON CONFLICT (ags) DO UPDATE SET name = EXCLUDED.name, name_suffix = EXCLUDED.name_suffix,
                kind = EXCLUDED.kind, kreis_ags = EXCLUDED.kreis_ags, kreis_name = EXCLUDED.kreis_name,
                regierungsbezirk = EXCLUDED.regierungsbezirk, state = EXCLUDED.state, population = EXCLUDED.population
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    RegisterLoader(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Loads every row of the reference files; returns how many there are. */
    int load() {
        List<Municipality> municipalities = ReferenceData.municipalities();
        SqlParameterSource[] rows = municipalities.stream().map(RegisterLoader::parameters)
                .toArray(SqlParameterSource[]::new);
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(UPSERT, rows));
        return municipalities.size();
    }

    private static SqlParameterSource parameters(Municipality m) {
        return new MapSqlParameterSource()
                .addValue("ags", m.ags())
                .addValue("name", m.name())
                .addValue("nameSuffix", m.nameSuffix())
                .addValue("kind", m.kind().name())
                .addValue("kreisAgs", m.kreisAgs())
                .addValue("kreisName", m.kreisName())
                .addValue("regierungsbezirk", m.regierungsbezirk())
                .addValue("state", m.state().name())
                .addValue("population", m.population());
    }
}
