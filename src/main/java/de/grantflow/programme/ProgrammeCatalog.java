package de.grantflow.programme;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every programme descriptor on the classpath ({@code programmes/*.yaml}). A descriptor with a missing field stops the
 * start with a message naming the file and the field, so a broken programme never goes live half-defined.
 */
@Component
public class ProgrammeCatalog {

    private final Map<String, Programme> programmes = new LinkedHashMap<>();

    ProgrammeCatalog() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:programmes/*.yaml");
        List<Resource> sorted = new ArrayList<>(List.of(resources));
        sorted.sort(Comparator.comparing(Resource::getDescription));
        for (Resource resource : sorted) {
            Programme programme = read(yaml, resource);
            if (programmes.putIfAbsent(programme.key(), programme) != null) {
                throw new IllegalStateException("Programm " + programme.key() + " ist doppelt definiert: " + resource);
            }
        }
    }

    static Programme read(ObjectMapper yaml, Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Programme programme = yaml.readValue(in, Programme.class);
            requireComplete(programme, resource.getFilename(), "");
            return programme;
        }
    }

    public List<Programme> all() {
        return List.copyOf(programmes.values());
    }

    public Optional<Programme> find(String key) {
        return Optional.ofNullable(key).map(programmes::get);
    }

    public Programme get(String key) {
        return find(key).orElseThrow(() -> new UnknownProgrammeException(key));
    }

    /** Every component must be present, except the financing figures the financing type does not use. */
    private static void requireComplete(Object value, String file, String path) {
        if (!(value instanceof Record record)) {
            return;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object child;
            try {
                child = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String childPath = path + component.getName();
            boolean optional = record instanceof Financing && !"type".equals(component.getName());
            if (child == null && !optional) {
                throw new IllegalStateException("Programmbeschreibung " + file + ": Feld „" + childPath + "“ fehlt");
            }
            if (child instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    requireComplete(item, file, childPath + "[" + i++ + "].");
                }
            } else {
                requireComplete(child, file, childPath + ".");
            }
        }
    }
}
