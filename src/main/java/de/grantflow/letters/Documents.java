package de.grantflow.letters;

import java.util.Map;
import org.springframework.stereotype.Service;

/** Documents that are not letters (reports): rendered on request from a template in letters/, as PDF/A-2u. */
@Service
public class Documents {

    private final LetterRenderer renderer;

    Documents(LetterRenderer renderer) {
        this.renderer = renderer;
    }

    public byte[] render(String template, Map<String, Object> variables) {
        return renderer.renderDocument(template, variables);
    }
}
