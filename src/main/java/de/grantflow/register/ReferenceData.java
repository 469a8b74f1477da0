package de.grantflow.register;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.grantflow.calendar.FederalState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The register's reference files (see register/SOURCE.md): per state a file of Gemeinden and a file of Kreise. A
 * kreisfreie Stadt is read once, as its Gemeinde; a Kreis by its 5-digit key.
 */
final class ReferenceData {

    private static final List<Source> SOURCES = List.of(
            new Source(FederalState.NW, "05", "register/nrw-municipalities.csv", "register/nrw-kreise.csv"),
            new Source(FederalState.BW, "08", "register/bw-demo.csv", "register/bw-demo-kreise.csv"));

    private static final CsvMapper CSV = new CsvMapper();

    private ReferenceData() {
    }

    static List<Municipality> municipalities() {
        List<Municipality> all = new ArrayList<>();
        SOURCES.forEach(source -> all.addAll(read(source)));
        return all;
    }

    private static List<Municipality> read(Source source) {
        List<Municipality> gemeinden = rows(source.gemeinden()).stream().map(row -> gemeinde(row, source)).toList();
        Map<String, Integer> populationByKreis = new HashMap<>();
        gemeinden.forEach(g -> populationByKreis.merge(g.kreisAgs(), g.population(), Integer::sum));
        List<Municipality> all = new ArrayList<>(gemeinden);
        rows(source.kreise()).stream()
                .filter(row -> MunicipalityKind.fromGerman(row.required("kind")) == MunicipalityKind.KREIS)
                .map(row -> kreis(row, source, populationByKreis))
                .forEach(all::add);
        return all;
    }

    private static Municipality gemeinde(Row row, Source source) {
        String ags = row.key("ags", 8, source.stateKey());
        String kreisAgs = row.key("kreis_ags", 5, source.stateKey());
        if (!ags.startsWith(kreisAgs)) {
            throw row.invalid("kreis_ags " + kreisAgs + " passt nicht zum AGS " + ags);
        }
        return new Municipality(ags, row.required("name"), row.optional("name_suffix"),
                MunicipalityKind.fromGerman(row.required("kind")), kreisAgs, row.required("kreis_name"),
                row.required("regierungsbezirk"), source.state(), Integer.valueOf(row.required("population")));
    }

    private static Municipality kreis(Row row, Source source, Map<String, Integer> populationByKreis) {
        String key = row.key("kreis_ags", 5, source.stateKey());
        String name = row.required("name");
        // a demo file lists only some Gemeinden of a Kreis, so it brings the Kreis's population along
        String population = row.optional("population");
        return new Municipality(key, name, null, MunicipalityKind.KREIS, key, name, row.required("regierungsbezirk"),
                source.state(), population != null ? Integer.valueOf(population) : populationByKreis.get(key));
    }

    private static List<Row> rows(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream();
                MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            List<Row> result = new ArrayList<>();
            while (rows.hasNextValue()) {
                // no field spans lines, so the n-th row stands on line n + 1, after the header
                result.add(new Row(resource, result.size() + 2, rows.nextValue()));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Registerdatei " + resource + " ist nicht lesbar", e);
        }
    }

    private record Source(FederalState state, String stateKey, String gemeinden, String kreise) {
    }

    private record Row(String resource, int line, Map<String, String> values) {

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw invalid("Spalte " + column + " fehlt");
            }
            return value;
        }

        String optional(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String key(String column, int digits, String stateKey) {
            String key = required(column);
            if (key.length() != digits || !key.chars().allMatch(Character::isDigit) || !key.startsWith(stateKey)) {
                throw invalid(column + " " + key + " ist kein " + digits + "-stelliger Schlüssel des Landes " + stateKey);
            }
            return key;
        }

        IllegalStateException invalid(String problem) {
            return new IllegalStateException(resource + ", Zeile " + line + ": " + problem);
        }
    }
}
