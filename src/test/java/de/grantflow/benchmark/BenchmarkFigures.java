package de.grantflow.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What every benchmark does with its figures: rounds them, takes percentiles, and writes them as a table and JSON. */
final class BenchmarkFigures {

    private BenchmarkFigures() {
    }

    /** Writes target/benchmark/{name}.json and {name}.md and prints the table. */
    static void write(String name, Map<String, Object> figures) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "benchmark"));
        StringBuilder table = new StringBuilder("| figure | value |\n|---|---|\n");
        List<String> entries = new ArrayList<>();
        figures.forEach((key, value) -> {
            entries.add("  \"" + key + "\": " + (value instanceof Number ? value : "\"" + value + "\""));
            table.append("| ").append(key).append(" | ").append(value).append(" |\n");
        });
        Files.writeString(folder.resolve(name + ".json"), "{\n" + String.join(",\n", entries) + "\n}\n");
        Files.writeString(folder.resolve(name + ".md"), table);
        System.out.println("\n" + table);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** The p-th quantile (0 to 1) by the nearest-rank method. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
