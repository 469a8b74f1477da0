package de.grantflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Every Camunda Form on the classpath (the repository's forms/ folder), by the id inside its JSON. */
@Component
public class FormCatalog {

    private final Map<String, FormDefinition> forms = new ConcurrentHashMap<>();

    public FormCatalog(ObjectMapper json) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                JsonNode root = json.readTree(text);
                FormDefinition form = FormDefinition.parse(root, text);
                FormDefinition previous = forms.putIfAbsent(form.id(), form);
                if (previous != null) {
                    throw new IllegalStateException("Formular-id " + form.id() + " doppelt: " + resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Formular " + resource + " nicht lesbar", e);
            }
        }
    }

    public Optional<FormDefinition> find(String formId) {
        return Optional.ofNullable(formId).map(forms::get);
    }

    public FormDefinition get(String formId) {
        return find(formId).orElseThrow(() -> new IllegalArgumentException("Unbekanntes Formular: " + formId));
    }
}
