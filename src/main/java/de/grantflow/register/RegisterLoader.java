package de.grantflow.register;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.grantflow.calendar.FederalState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the register's reference data at start, in every profile: Gemeinden by AGS, and the Kreise (a kreisfreie
 * Stadt counts once, as its Gemeinde). Loading again changes nothing.
 */
@Component
class RegisterLoader {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RegisterLoader(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void load() {
        List<Municipality> rows = new ArrayList<>();
        rows.addAll(readState("register/nrw-municipalities.csv", "register/nrw-kreise.csv", FederalState.NW));
        rows.addAll(readState("register/bw-demo.csv", "register/bw-demo-kreise.csv", FederalState.BW));
        transaction.executeWithoutResult(status -> rows.forEach(this::upsert));
    }

    private List<Municipality> readState(String gemeindenFile, String kreiseFile, FederalState state) {
        List<Municipality> gemeinden = read(gemeindenFile).stream().map(row -> new Municipality(row.get("ags"),
                row.get("name"), blankToNull(row.get("name_suffix")), MunicipalityKind.fromGerman(row.get("kind")),
                row.get("kreis_ags"), row.get("kreis_name"), row.get("regierungsbezirk"), state,
                Integer.valueOf(row.get("population")))).toList();
        Map<String, Integer> populationByKreis = new LinkedHashMap<>();
        gemeinden.forEach(g -> populationByKreis.merge(g.kreisAgs(), g.population(), Integer::sum));
        List<Municipality> all = new ArrayList<>(gemeinden);
        read(kreiseFile).stream()
                .filter(row -> "Kreis".equals(row.get("kind")))
                .map(row -> new Municipality(row.get("kreis_ags"), row.get("name"), null, MunicipalityKind.KREIS,
                        row.get("kreis_ags"), row.get("name"), row.get("regierungsbezirk"), state,
                        state == FederalState.NW ? populationByKreis.get(row.get("kreis_ags")) : null))
                .forEach(all::add);
        return all;
    }

    private void upsert(Municipality m) {
        jdbc.sql("""
                INSERT INTO municipality (ags, name, name_suffix, kind, kreis_ags, kreis_name, regierungsbezirk, state,
                    population)
                VALUES (:ags, :name, :suffix, :kind, :kreis, :kreisName, :bezirk, :state, :population)
                ON CONFLICT (ags) DO UPDATE SET name = EXCLUDED.name, name_suffix = EXCLUDED.name_suffix,
                    kind = EXCLUDED.kind, kreis_ags = EXCLUDED.kreis_ags, kreis_name = EXCLUDED.kreis_name,
                    regierungsbezirk = EXCLUDED.regierungsbezirk, state = EXCLUDED.state,
                    population = EXCLUDED.population""")
                .param("ags", m.ags()).param("name", m.name()).param("suffix", m.nameSuffix())
                .param("kind", m.kind().name()).param("kreis", m.kreisAgs()).param("kreisName", m.kreisName())
                .param("bezirk", m.regierungsbezirk()).param("state", m.state().name())
                .param("population", m.population())
                .update();
    }

    private static List<Map<String, String>> read(String resource) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = new ClassPathResource(resource).getInputStream();
                MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema)
                        .readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Register " + resource + " nicht lesbar", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
